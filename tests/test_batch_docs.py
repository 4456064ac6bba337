"""docs/batch.md: the Celery task runs as it is written, without a broker."""

from __future__ import annotations

import importlib.util
import json
import pickle
import re
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from relance import Interview, InvalidInput, follow_up, plan, thank_you_notes
from relance.cli import example_text

PAGE = Path(__file__).parent.parent / "docs" / "batch.md"


def task_module() -> ModuleType:
    """The page's Celery block, run as the module a worker would import."""
    section = PAGE.read_text(encoding="utf-8").split("## In a task queue", 1)[1]
    [code] = re.findall(r"```python\n(.*?)```", section.split("\n## ", 1)[0], re.DOTALL)
    module = ModuleType("tasks")
    exec(compile(code, str(PAGE), "exec"), module.__dict__)  # noqa: S102 - our own docs
    return module


def test_the_celery_task_drafts_every_message_as_json_safe_data() -> None:
    tasks = task_module()
    data: dict[str, Any] = json.loads(json.dumps(tomllib.loads(example_text()), default=str))
    result = tasks.draft_interview(data)
    interview = Interview.from_dict(data)
    assert result == {
        "thank_you": [note.as_dict() for note in thank_you_notes(interview)],
        "follow_up": follow_up(interview).as_dict(),
        "plan": plan(interview).as_dict(),
    }
    assert json.loads(json.dumps(result, ensure_ascii=False)) == result
    has_celery = importlib.util.find_spec("celery") is not None
    assert hasattr(tasks, "draft_interview_task") is has_celery


def test_a_bad_interview_fails_the_task_with_its_problems() -> None:
    tasks = task_module()
    with pytest.raises(InvalidInput) as caught:
        tasks.draft_interview({"company": "Ubisoft"})
    back = pickle.loads(pickle.dumps(caught.value))  # noqa: S301 - as a result backend stores it
    assert back.problems == caught.value.problems
    assert [problem.field for problem in back.problems] == [
        "candidate",
        "position",
        "held_at",
        "interviewers",
    ]
