"""The networks kinds of a content folder: networks with their figures, recognitions with their levels, and
the city's distinctions (docs/content-format.md)."""

from angers_intl.content_format import Kind, Ref

from .models import Distinction, Network, NetworkFigure, Recognition, RecognitionLevel

KINDS = [
    Kind(
        Network,
        file="networks.yaml",
        seed_key="network:{slug}",
        children={
            "figures": Kind(NetworkFigure, key=("measure",), seed_key="figure:{measure}", label="figures")
        },
        label="networks",
    ),
    Kind(
        Recognition,
        file="recognitions.yaml",
        seed_key="recognition:{slug}",
        children={"levels": Kind(RecognitionLevel, key=("rank",), seed_key="level:{rank}", label="levels")},
        label="labels and awards",
    ),
    Kind(
        Distinction,
        file="distinctions.yaml",
        key=("recognition", "year", "level"),
        # The key the loader used when distinctions were written inside their recognition.
        seed_key="recognition:{recognition}:distinction:{year}:{level}",
        refs={"recognition": Ref("slug"), "level": Ref("rank", within="recognition")},
        label="distinctions",
    ),
]
