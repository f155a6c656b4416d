import pytest

from reportkit.forces import NATIONAL, UnknownForce, display_name, mentions, resolve, slugs


def test_there_are_43_territorial_forces():
    assert len(slugs()) == 43 and len(set(slugs())) == 43


@pytest.mark.parametrize("name,slug", [
    ("west-yorkshire", "west-yorkshire"), ("West Yorkshire Police", "west-yorkshire"), ("WYP", "west-yorkshire"),
    ("GMP", "greater-manchester"), ("the Met", "metropolitan"), ("Metropolitan Police Service", "metropolitan"),
    ("City of London Police", "city-of-london"), ("Avon & Somerset Constabulary", "avon-and-somerset"),
    ("Devon and Cornwall", "devon-and-cornwall"), ("Dyfed-Powys Police", "dyfed-powys"),
    ("Lancashire Constabulary", "lancashire"), ("national", NATIONAL),
])
def test_resolve_names_and_aliases(name, slug):
    assert resolve(name) == slug


@pytest.mark.parametrize("bad", ["../../etc", "", "Atlantis Police", "west/yorkshire/../x", "<script>"])
def test_unknown_force_is_a_clear_error(bad):
    with pytest.raises(UnknownForce, match="not one of the 43 forces"):
        resolve(bad)


def test_unknown_force_suggests_the_closest():
    with pytest.raises(UnknownForce, match="west-yorkshire"):
        resolve("west-yorksire")


def test_mentions_counts_full_names():
    text = "West Yorkshire Police said ... Greater Manchester Police and West Yorkshire Police"
    assert mentions(text) == {"west-yorkshire": 2, "greater-manchester": 1}


def test_display_name():
    assert display_name("metropolitan") == "Metropolitan Police Service"
