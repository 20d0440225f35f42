"""The one statement walk: which compound statements the gather stage and the outline enter.

One table of sources: each hides `from os import getenv as ge` in a different block, then
reads `ge("ABC")` at module level and in a function body; the import must be gathered and
both reads found, wherever the block is.
"""

from __future__ import annotations

import sys

import pytest

from .helpers import gather

TRY_STAR = sys.version_info >= (3, 11)
IMPORT = "from os import getenv as ge"

HIDDEN = {
    "try-body": f"try:\n    {IMPORT}\nexcept ImportError:\n    pass\n",
    "except": f"try:\n    import fast\nexcept ImportError:\n    {IMPORT}\n",
    "try-else": f"try:\n    import fast\nexcept ImportError:\n    pass\nelse:\n    {IMPORT}\n",
    "finally": f"try:\n    import fast\nfinally:\n    {IMPORT}\n",
    "if": f"if X:\n    {IMPORT}\n",
    "elif": f"if X:\n    pass\nelif Y:\n    {IMPORT}\n",
    "else": f"if X:\n    pass\nelse:\n    {IMPORT}\n",
    "one-line-if": f"if X: {IMPORT}\n",
    "one-line-except": f"try:\n    import fast\nexcept ImportError: {IMPORT}\n",
    "nested": f"if X:\n    try:\n        pass\n    except E:\n        pass\n    else:\n        if Y:\n            pass\n"
              f"        else:\n            {IMPORT}\n",
    "long-elif": "if X == 0:\n    pass\n" + "".join(f"elif X == {i}:\n    pass\n" for i in range(1, 95))
                 + f"else:\n    {IMPORT}\n",
}
if TRY_STAR:
    HIDDEN["except*"] = f"try:\n    import fast\nexcept* ImportError:\n    {IMPORT}\n"
    HIDDEN["except*-else"] = f"try:\n    import fast\nexcept* ImportError:\n    pass\nelse:\n    {IMPORT}\n"

READS = 'VALUE = ge("ABC")\n\n\ndef read():\n    return ge("ABC")\n'


@pytest.mark.parametrize("hidden", HIDDEN.values(), ids=HIDDEN.keys())
def test_an_import_in_any_entered_block_is_gathered(hidden: str) -> None:
    facts = gather(hidden + READS)
    assert facts.imports["ge"] == "os.getenv"
    assert [read.name for read in facts.env_reads] == ["ABC", "ABC"]
