"""The one `ast` pass: Python's own verdict on the text, the nesting limit, a big stack.

libcst's native parser overflows the C stack (a segfault, not an exception) on expressions
nested some thousands of levels deep, and its time grows faster than linearly with depth.
Python's parser, which guards itself, is asked first: what it refuses is not Python; what it
accepts is measured, and code nested deeper than `MAX_NESTING` levels is refused before
libcst sees it (the later stages recurse over the tree too, within Python's own limit).
libcst then parses on a thread with a large stack, so that what the measure can't see
(implicit string concatenation) fails with an exception, not a crash.
"""

from __future__ import annotations

import ast
import threading
import warnings
from collections.abc import Callable, Collection
from typing import TypeVar

from ..errors import NestingError, SourceSyntaxError

MAX_NESTING = 100
"""Deepest nesting read: blocks (an `elif` is one level deeper than its `if`) and the
expressions in them (an `a and b and …` chain counts one level per operator)."""
STACK_SIZE = 256 * 1024 * 1024
"""Stack of the thread libcst parses on (reserved, only touched as deep as the parse goes)."""

_TOO_DEEP = ("too many nested parentheses", "too many levels of indentation", "too complex")
_PYTHON2 = ("Missing parentheses in call to", "leading zeros in decimal integer",
            "multiple exception types must be parenthesized")
_THREAD_NAME = "extract-docs-parse"
T = TypeVar("T")


def python_parse(text: str, rel: str) -> ast.Module | SourceSyntaxError:
    """Python's own parse of `text`, or the error it gives as a `SourceSyntaxError`.

    Nothing is compiled to bytecode or run: this is `ast.parse`, with the SyntaxWarnings the
    code would raise (`"is" with a literal`, bad escapes) kept off the user's terminal. A
    `NestingError` means the source is nested beyond what Python itself accepts.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ast.parse(text)
    except (RecursionError, MemoryError):
        return NestingError("nested too deeply for Python's parser", f"{rel}:1")
    except ValueError as exc:  # source with NUL bytes (`decode` refuses those first)
        return SourceSyntaxError(f"not Python source: {exc}", f"{rel}:1")
    except SyntaxError as exc:
        return _syntax_error(exc, rel)


def _syntax_error(exc: SyntaxError, rel: str) -> SourceSyntaxError:
    message = exc.msg or "invalid syntax"
    where = f"{rel}:{exc.lineno or 1}"
    if any(phrase in message for phrase in _TOO_DEEP):
        return NestingError(f"{message} (nested deeper than Python reads)", where)
    if any(phrase in message for phrase in _PYTHON2):
        return SourceSyntaxError(f"syntax error: {message} (Python 2 code? only Python 3 is read)", where)
    return SourceSyntaxError(f"syntax error: {message}", where)


def check_nesting(tree: ast.Module, rel: str, skipped: Collection[int] = ()) -> None:
    """Raise `NestingError` at the first node nested deeper than `MAX_NESTING` levels.

    `skipped`: ids of function nodes whose bodies libcst won't parse (their decorators and
    signature still count).
    """
    stack: list[tuple[ast.AST, int, int]] = [(node, 0, node.lineno) for node in reversed(tree.body)]
    while stack:
        node, depth, line = stack.pop()
        line = getattr(node, "lineno", line)  # contexts (`Load`) and operators have none
        if depth > MAX_NESTING:
            raise NestingError(f"code nested more than {MAX_NESTING} levels deep", f"{rel}:{line}")
        if depth + _reach(node) <= MAX_NESTING:
            continue
        stack.extend((child, depth + extra, line) for child, extra in _children(node, skipped))


_SLACK = 8


def _reach(node: ast.AST) -> int:
    """A bound on the levels below `node`: a one-line expression spends at least a character
    of its text on each level (a name's context, f-string parts sharing their string's
    position: `_SLACK` covers them), so short ones need no walk (most of a module's nodes)."""
    if isinstance(node, ast.expr) and node.lineno == node.end_lineno and node.end_col_offset is not None:
        return node.end_col_offset - node.col_offset + _SLACK
    return MAX_NESTING + 1


def _children(node: ast.AST, skipped: Collection[int]) -> list[tuple[ast.AST, int]]:
    """The child nodes worth measuring, each with the levels libcst adds going into it."""
    extra = len(node.values) - 1 if isinstance(node, ast.BoolOp) else 1
    result: list[tuple[ast.AST, int]] = []
    cut = id(node) in skipped
    for name, value in ast.iter_fields(node):
        if cut and name == "body":
            continue
        items = value if isinstance(value, list) else [value]
        result.extend((item, extra) for item in items if isinstance(item, ast.AST))
    return result


def depth_error(tree: ast.Module | None, rel: str) -> NestingError:
    """The error for source some stage couldn't follow: where it nests too deeply, when the
    (iterative) measure of Python's tree can tell."""
    if tree is not None:
        try:
            check_nesting(tree, rel)
        except NestingError as exc:
            return exc
    return NestingError("source nested too deeply to read", f"{rel}:1")


def on_big_stack(action: Callable[[], T]) -> T:
    """Run `action` on a thread with a `STACK_SIZE` stack; its result or its exception.

    Falls back to the current thread when such a thread can't be started; runs `action`
    right away when called on such a thread already (a whole integration parses on one: a
    fresh stack per file costs page faults as deep as each parse goes).
    """
    if threading.current_thread().name == _THREAD_NAME:
        return action()
    outcome: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(action())
        except BaseException as exc:  # re-raised on the calling thread
            failure.append(exc)

    try:
        previous = threading.stack_size(STACK_SIZE)
    except (ValueError, RuntimeError):
        return action()
    try:
        worker = threading.Thread(target=run, name=_THREAD_NAME)
        worker.start()
    except RuntimeError:
        return action()
    finally:
        threading.stack_size(previous)
    worker.join()
    if failure:
        raise failure[0]
    return outcome[0]
