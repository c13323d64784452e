"""The house's shape: the stages import downwards only, with no cycle between modules or
packages (imports inside functions count), and every package has a public face."""

import ast
import importlib
from graphlib import CycleError, TopologicalSorter

import pytest
from helpers import ROOT

PACKAGE = ROOT / "geo"
# The stages from the ground up; a package may import only those before it.
LAYERS = [["geo", "geo.errors"], ["geo.io"], ["geo.text"], ["geo.corpus"], ["geo.gazetteer"], ["geo.engine"],
          ["geo.geoparse"], ["geo.events"], ["geo.site", "geo.evaluate"], ["geo.cli"], ["geo.__main__"]]
STAGES = [p.name for p in sorted(PACKAGE.iterdir()) if (p / "__init__.py").is_file()]


def modules() -> dict[str, ast.Module]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = ast.parse(path.read_text(encoding="utf-8"), str(path))
    return found


def imports(name: str, tree: ast.Module, known: set[str]) -> set[str]:
    """The project's modules a module imports, wherever the import statement stands."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)  # a submodule imported by name
    return {m for m in found if m in known and m != name}


def package_of(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2])


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    trees = modules()
    return {name: imports(name, tree, set(trees)) for name, tree in trees.items()}


def test_no_module_imports_itself_through_others(graph):
    try:
        TopologicalSorter(graph).prepare()
    except CycleError as cycle:
        pytest.fail(f"import cycle: {' -> '.join(cycle.args[1])}")


def test_packages_import_only_the_stages_below_them(graph):
    rank = {package: i for i, layer in enumerate(LAYERS) for package in layer}
    assert set(rank) >= {package_of(m) for m in graph}, "a package is missing from LAYERS"
    upward = sorted(f"{m} -> {d}" for m, deps in graph.items() for d in deps
                    if package_of(d) != package_of(m) and rank[package_of(d)] >= rank[package_of(m)])
    assert upward == []


def test_the_packages_graph_has_no_cycle(graph):
    packages: dict[str, set[str]] = {}
    for module, deps in graph.items():
        packages.setdefault(package_of(module), set()).update(p for p in map(package_of, deps) if p != package_of(module))
    TopologicalSorter(packages).prepare()


@pytest.mark.parametrize("stage", STAGES)
def test_every_package_has_a_public_face(stage):
    package = importlib.import_module(f"geo.{stage}")
    assert package.__doc__ and package.__all__
    assert all(hasattr(package, name) for name in package.__all__)
