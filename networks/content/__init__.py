"""Load the Angers networks, labels and awards. Idempotent: each record is created once, never overwritten.

Keys: networks and recognitions by slug, figures by network and measure, levels by recognition and rank,
distinctions by recognition, year and level. Each record is validated (`full_clean`) before it is created.
"""

from angers_intl.seeding import SeedLedger
from angers_intl.staff import COMMUNICATION_GROUP, grant_group_permissions
from networks.models import Distinction, Network, NetworkFigure, Recognition, RecognitionLevel

from .networks import NETWORKS
from .recognitions import RECOGNITIONS

MODELS = [Network, NetworkFigure, Recognition, RecognitionLevel, Distinction]


class Tally:
    """Creates each seed record once (`angers_intl.seeding.SeedLedger`): afterwards it is as staff left it
    (edited, re-keyed or deleted: never recreated). Children of a deleted record are not recreated either."""

    def __init__(self):
        self.ledger = SeedLedger("networks")

    @property
    def created(self):
        return self.ledger.created

    @property
    def kept(self):
        return self.ledger.kept

    def create_unless_exists(self, model, lookup, *, key, **fields):
        """The record matching `lookup`, created (with `fields`) only if seed `key` was never loaded."""

        def create():
            record = model(**lookup, **fields)
            record.full_clean()
            record.save()
            return record

        return self.ledger.create_once(
            key, find=lambda: model.objects.filter(**lookup).first(), create=create
        )


def load(stdout):
    grant_group_permissions(COMMUNICATION_GROUP, MODELS)
    tally = Tally()
    for entry in NETWORKS:
        fields = {key: value for key, value in entry.items() if key not in {"slug", "figures"}}
        network_key = f"network:{entry['slug']}"
        network = tally.create_unless_exists(
            Network, {"slug": entry["slug"]}, key=network_key, published=True, **fields
        )
        if network is None:
            continue
        for figure in entry["figures"]:
            tally.create_unless_exists(
                NetworkFigure,
                {"network": network, "measure": figure["measure"]},
                key=f"{network_key}:figure:{figure['measure']}",
                **{key: value for key, value in figure.items() if key != "measure"},
            )
    for entry in RECOGNITIONS:
        fields = {key: value for key, value in entry.items() if key not in {"slug", "levels", "distinctions"}}
        recognition_key = f"recognition:{entry['slug']}"
        recognition = tally.create_unless_exists(
            Recognition, {"slug": entry["slug"]}, key=recognition_key, published=True, **fields
        )
        if recognition is None:
            continue
        for level in entry["levels"]:
            tally.create_unless_exists(
                RecognitionLevel,
                {"recognition": recognition, "rank": level["rank"]},
                key=f"{recognition_key}:level:{level['rank']}",
                **{key: value for key, value in level.items() if key != "rank"},
            )
        for distinction in entry["distinctions"]:
            rank = distinction.get("level_rank")
            level = recognition.levels.filter(rank=rank).first() if rank else None
            tally.create_unless_exists(
                Distinction,
                {"recognition": recognition, "year": distinction.get("year"), "level": level},
                key=f"{recognition_key}:distinction:{distinction.get('year')}:{rank}",
                **{key: value for key, value in distinction.items() if key not in {"year", "level_rank"}},
            )
    stdout.write(f"networks, labels and awards: {tally.created} created, {tally.kept} kept as they were")
