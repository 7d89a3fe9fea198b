"""The layers stay layered: imports run only downward, in the order
estatepay -> schema -> resolvers (workers beside them) -> services -> tenants, and no
module imports itself back through others. Read from the source, lazy imports included."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Lower is deeper; a module may import its own layer and any deeper one.
LAYER = {"estatepay": 0, "schema": 1, "resolvers": 2, "workers": 2, "services": 3, "tenants": 4}


def modules() -> dict[str, Path]:
    found = {}
    for top in LAYER:
        for path in (ROOT / top).rglob("*.py"):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            found[name.removesuffix(".__init__")] = path
    return found


def imports(path: Path) -> Iterator[tuple[str, int]]:
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            yield from ((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module, node.lineno
            yield from ((f"{node.module}.{alias.name}", node.lineno) for alias in node.names)


def test_imports_run_only_downward() -> None:
    upward = []
    for name, path in modules().items():
        layer = LAYER[name.split(".")[0]]
        for target, line in imports(path):
            top = target.split(".")[0]
            if top in LAYER and top != name.split(".")[0] and LAYER[top] <= layer:
                upward.append(f"{path.relative_to(ROOT)}:{line} imports {target}")
    assert upward == []


def test_no_module_imports_itself_back() -> None:
    found = modules()
    graph = {
        name: {target for target, _ in imports(path) if target in found and target != name}
        for name, path in found.items()
    }
    try:
        TopologicalSorter(graph).prepare()
    except CycleError as error:
        raise AssertionError(f"an import circle: {' -> '.join(error.args[1])}") from None


def test_estate_transactions_nest_only_through_savepoint() -> None:
    """Above `tenants`, a nested estate transaction is `tenants.scope.savepoint()` (which
    drops what a rolled-back block announced), never Tortoise's `in_transaction` on the
    estate connection nor its private `_in_transaction`."""
    bare = []
    for name, path in modules().items():
        if name.startswith("tenants"):
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Attribute) and node.attr == "_in_transaction":
                bare.append(f"{path.relative_to(ROOT)}:{node.lineno} uses _in_transaction")
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name | ast.Attribute)
                and getattr(node.func, "id", getattr(node.func, "attr", "")) == "in_transaction"
                and not any(
                    isinstance(arg, ast.Name) and arg.id == "SHARED_CONNECTION" for arg in node.args
                )
            ):
                bare.append(f"{path.relative_to(ROOT)}:{node.lineno} opens in_transaction")
    assert bare == []
