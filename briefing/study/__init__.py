"""Going through cards: Study (scheduled), Browse (in order) and Quiz (shuffled).

Each is a session class behind one small interface (`Session`): the window
calls reveal(), grade(), next(), previous() and go_to(), then draws `current`.
`StudyController` holds what the study page decides (the filter, the mode,
undo across sessions, counts) and is driven from tests with no window.
"""
from .browse import BrowseSession
from .controller import StudyController
from .grade_log import GradeLog
from .modes import Mode
from .quiz import QuizSession, Tally
from .scheduled import LEARN_AHEAD, StudySession, open_study
from .session import Session

__all__ = ["BrowseSession", "GradeLog", "LEARN_AHEAD", "Mode", "QuizSession", "Session",
           "StudyController", "StudySession", "Tally", "open_study"]
