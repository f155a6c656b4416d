"""environment.yml (conda users), pyproject.toml (pip users) and constraints.txt (pinned installs)
must agree: the same packages, the same floors, and pins that the floors allow."""
import re
import sys
from pathlib import Path

import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.version import Version

if sys.version_info >= (3, 11):
    import tomllib
else:  # requires-python is >=3.10; tomli is tomllib's backport (a dev dependency there)
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
CONDA_EXTRAS = ("demo", "dask")  # environment.yml installs these too, like `make setup`


def _name(spec: str) -> str:
    return re.split(r"[<>=!~\[ ;]", spec.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def pyproject_specs(extras=CONDA_EXTRAS) -> dict[str, SpecifierSet]:
    project = _project()
    deps = list(project["dependencies"])
    for extra in extras:
        deps += project["optional-dependencies"][extra]
    reqs = [Requirement(d) for d in deps]
    return {_name(r.name): r.specifier for r in reqs if r.marker is None or r.marker.evaluate()}


def pyproject_runtime() -> set[str]:
    return set(pyproject_specs(extras=()))


def environment_specs() -> dict[str, SpecifierSet]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    out = {}
    for d in env["dependencies"]:
        if isinstance(d, str):
            name = _name(d)
            out[name] = SpecifierSet(d.strip()[len(name):].strip())
    return out


def test_environment_and_pyproject_name_the_same_packages():
    py, env = set(pyproject_specs()), set(environment_specs()) - {"python", "pip"}
    assert py == env, f"only in pyproject: {sorted(py - env)}; only in environment.yml: {sorted(env - py)}"


def test_environment_has_the_same_floors_and_python():
    env = environment_specs()
    for name, spec in pyproject_specs().items():
        assert env[name] == spec, f"{name}: pyproject {spec}, environment.yml {env[name]}"
    assert env["python"] == SpecifierSet(_project()["requires-python"])


def test_environment_installs_the_package_itself():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert any(p.startswith("-e .") for p in pip)


def test_required_packages_are_runtime_dependencies():
    required = {"jupyterlab", "pandas", "matplotlib", "seaborn", "pdfplumber", "papermill", "nbconvert",
                "ipykernel", "tqdm"}
    assert required <= pyproject_runtime()
    assert {"reportlab", "dask", "distributed"}.isdisjoint(pyproject_runtime()), "these are extras"


def test_constraints_pin_every_dependency_within_its_floor():
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[_name(name)] = Version(version)
    for name, spec in pyproject_specs(extras=("demo", "dask", "dev")).items():
        assert name in pins, f"constraints.txt does not pin {name}: run `make constraints`"
        assert pins[name] in spec, f"constraints.txt pins {name}=={pins[name]}, pyproject wants {spec}"


def test_python_floor_is_what_the_code_and_ci_assume():
    assert SpecifierSet(_project()["requires-python"]) == SpecifierSet(">=3.10")
    running = Version(f"{sys.version_info.major}.{sys.version_info.minor}")
    assert running in SpecifierSet(_project()["requires-python"])
