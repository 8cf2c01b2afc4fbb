"""The feedback sink: file choosers that remember, files that cannot be opened."""

from __future__ import annotations

from pathlib import Path

from helpers.fakes import FakeFeedback

from po_desktop.ui.feedback import Feedback, Purpose
from po_desktop.ui.settings import Settings


def test_a_chooser_opens_where_the_last_file_of_its_kind_was_chosen(
    tmp_path: Path, app: object
) -> None:
    exports, databases = tmp_path / "exports", tmp_path / "bases"
    exports.mkdir()
    databases.mkdir()
    settings = Settings(tmp_path / "settings.ini")
    sink = Feedback()
    sink.settings = settings
    sink.remember_folder(Purpose.EXPORT, exports / "besoins.csv")
    sink.remember_folder(Purpose.DATABASE, databases / "equipe.podb")
    settings.sync()

    after_restart = Feedback()
    after_restart.settings = Settings(tmp_path / "settings.ini")
    assert after_restart.folder_for(Purpose.EXPORT) == exports
    assert after_restart.folder_for(Purpose.DATABASE) == databases
    # A purpose not used yet opens where the last file of any kind was chosen: the review
    # pack's first save beside the database just opened (it opened in the home folder).
    assert after_restart.folder_for(Purpose.PACK) == databases
    fresh = Feedback()  # and in a first session, with nothing in the settings yet
    fresh.remember_folder(Purpose.EXPORT, exports / "besoins.xlsx")
    assert fresh.folder_for(Purpose.IMPORT) == exports
    exports.rmdir()  # a folder deleted since: the chooser opens elsewhere, never fails
    assert after_restart.folder_for(Purpose.EXPORT).is_dir()


def test_a_file_nothing_can_open_says_where_it_is_and_offers_its_folder(
    tmp_path: Path, feedback: FakeFeedback
) -> None:
    pack = tmp_path / "revue-Sprint 12.pdf"
    pack.write_bytes(b"%PDF-1.7")
    feedback.can_open = False  # no PDF viewer on this machine
    feedback.answers = [True]
    assert not feedback.open_externally(None, pack, "Review pack")
    assert str(pack) in feedback.questions[0]
    assert feedback.opened == [pack, tmp_path]  # the file, then its folder
    assert str(pack) in feedback.warnings[0]  # the folder would not open either
