"""`replay` with audio: a saved session played back turn by turn, steered from the keyboard.

`plan` decides what to go through, `clips` finds (or re-synthesizes) the sound, `cues` times the
transcript lines, `keys` reads the terminal, and `runner` puts them together.
"""

from __future__ import annotations

from interviewer.console import Console
from interviewer.session.state import SessionState
from interviewer.session.store import SessionStore
from interviewer.session.summary import session_overall, status


def play_session(
    state: SessionState,
    store: SessionStore,
    start: int = 1,
    *,
    output_device: int | str | None = None,
    speak_questions: bool = True,
) -> bool:
    """Replay a session aloud from turn `start`; False if the listener quit part-way.

    Recorded questions and answers play from the session's audio; questions without a recording
    are spoken by the interviewer's TTS (`speak_questions`), and answers without one are shown.
    """
    from interviewer.live.alsa_messages import quiet_underruns
    from interviewer.live.playback import Player
    from interviewer.replay.clips import ClipSource, tts_synthesizer
    from interviewer.replay.keys import terminal_keys
    from interviewer.replay.plan import replay_plan
    from interviewer.replay.runner import Outcome, Replayer

    quiet_underruns()
    console = Console(echo_answers=True)
    console.info(f"Session {store.session_id}: {state.label}, {status(state)}")
    clips = ClipSource(tts_synthesizer(output_device) if speak_questions else None)
    try:
        with terminal_keys() as keys:
            replayer = Replayer(console, clips, Player(output_device), keys)
            decision = state.decision.decision if state.decision else None
            board = [i.vote.vote for i in state.interviews if i.vote] if decision else None
            outcome = replayer.run(replay_plan(state, store.folder, start), decision, board)
    finally:
        clips.close()
    overall = session_overall(state)
    if outcome is Outcome.DONE and overall is not None:
        console.info(f"Overall: {overall}/100")
    return outcome is Outcome.DONE
