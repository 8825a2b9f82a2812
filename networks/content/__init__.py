"""Load the Angers networks, labels and awards. Idempotent: creates what is missing, never overwrites.

Keys: networks and recognitions by slug, figures by network and measure, levels by recognition and rank,
distinctions by recognition, year and level. Each record is validated (`full_clean`) before it is created.
"""

from angers_intl.staff import COMMUNICATION_GROUP, grant_group_permissions
from networks.models import Distinction, Network, NetworkFigure, Recognition, RecognitionLevel

from .networks import NETWORKS
from .recognitions import RECOGNITIONS

MODELS = [Network, NetworkFigure, Recognition, RecognitionLevel, Distinction]


class Tally:
    def __init__(self):
        self.created = 0
        self.kept = 0

    def create_unless_exists(self, model, lookup, **fields):
        """The record matching `lookup`, created (with `fields`) only if there is none."""
        existing = model.objects.filter(**lookup).first()
        if existing is not None:
            self.kept += 1
            return existing
        record = model(**lookup, **fields)
        record.full_clean()
        record.save()
        self.created += 1
        return record


def load(stdout):
    grant_group_permissions(COMMUNICATION_GROUP, MODELS)
    tally = Tally()
    for entry in NETWORKS:
        fields = {key: value for key, value in entry.items() if key not in {"slug", "figures"}}
        network = tally.create_unless_exists(Network, {"slug": entry["slug"]}, published=True, **fields)
        for figure in entry["figures"]:
            tally.create_unless_exists(
                NetworkFigure,
                {"network": network, "measure": figure["measure"]},
                **{key: value for key, value in figure.items() if key != "measure"},
            )
    for entry in RECOGNITIONS:
        fields = {key: value for key, value in entry.items() if key not in {"slug", "levels", "distinctions"}}
        recognition = tally.create_unless_exists(
            Recognition, {"slug": entry["slug"]}, published=True, **fields
        )
        for level in entry["levels"]:
            tally.create_unless_exists(
                RecognitionLevel,
                {"recognition": recognition, "rank": level["rank"]},
                **{key: value for key, value in level.items() if key != "rank"},
            )
        for distinction in entry["distinctions"]:
            rank = distinction.get("level_rank")
            level = recognition.levels.filter(rank=rank).first() if rank else None
            tally.create_unless_exists(
                Distinction,
                {"recognition": recognition, "year": distinction.get("year"), "level": level},
                **{key: value for key, value in distinction.items() if key not in {"year", "level_rank"}},
            )
    stdout.write(f"networks, labels and awards: {tally.created} created, {tally.kept} kept as they were")
