"""Choosing a pyttsx3 voice for a persona ("female", "male", "any") or a `--voice` name.

espeak-ng (Linux) reports every voice as male; its female and male variants are spelled
`<voice>+f3` / `<voice>+m3`. Other drivers (macOS, Windows) report real genders. Choices are
deterministic: the same request picks the same voice on the same machine.
"""

from __future__ import annotations

from dataclasses import dataclass

from interviewer.errors import UserError

GENDERS = ("female", "male", "any")
ESPEAK_VARIANT = {"female": "+f3", "male": "+m3"}
PREFERRED_LANGUAGES = ("en-us", "en_us", "en-gb", "en_gb", "en")


@dataclass(frozen=True)
class VoiceInfo:
    """What a TTS driver says about one installed voice."""

    id: str
    name: str
    gender: str | None
    languages: tuple[str, ...]


def voice_info(voice) -> VoiceInfo:
    """A pyttsx3 Voice as a plain, comparable record."""
    languages = tuple(
        lang.decode("utf-8", "ignore") if isinstance(lang, bytes) else str(lang)
        for lang in (voice.languages or [])
    )
    return VoiceInfo(id=str(voice.id), name=str(voice.name or voice.id),
                     gender=(voice.gender or None), languages=languages)


def _english_rank(voice: VoiceInfo) -> tuple[int, str]:
    tags = [lang.lower().lstrip("\x05") for lang in voice.languages]
    tags.append(voice.id.lower().rsplit("/", 1)[-1])
    for rank, wanted in enumerate(PREFERRED_LANGUAGES):
        if any(tag == wanted or tag.endswith(wanted) for tag in tags):
            return rank, voice.id
    if any(tag.startswith("en") for tag in tags) or "english" in voice.name.lower():
        return len(PREFERRED_LANGUAGES), voice.id
    return len(PREFERRED_LANGUAGES) + 1, voice.id


def choose_voice(voices: list[VoiceInfo], wanted: str | None, espeak: bool) -> str | None:
    """The voice id for `wanted`: a gender, an installed voice id or name, or None (default).

    Returns None only when no voices are installed at all (the driver's default is then used).
    Raises UserError for a name that matches no installed voice.
    """
    if not voices:
        return None
    request = (wanted or "any").strip()
    if request.lower() in GENDERS:
        return _by_gender(voices, request.lower(), espeak)
    base, plus, variant = request.partition("+")
    exact = [v for v in voices if base.lower() in (v.id.lower(), v.name.lower())
             or v.id.lower().endswith("/" + base.lower())]
    partial = sorted((v for v in voices if base.lower() in v.name.lower()), key=_english_rank)
    found = exact or partial
    if not found:
        english = sorted(voices, key=_english_rank)[:6]
        raise UserError(
            f"--voice {request!r} matches no installed voice; try female, male, or one of: "
            + ", ".join(v.id for v in english)
        )
    return found[0].id + (plus + variant if plus and espeak else "")


def _by_gender(voices: list[VoiceInfo], gender: str, espeak: bool) -> str:
    ranked = sorted(voices, key=_english_rank)
    if espeak:
        return ranked[0].id + ESPEAK_VARIANT.get(gender, "")
    if gender != "any":
        matching = [v for v in ranked if (v.gender or "").lower() == gender]
        if matching:
            return matching[0].id
    return ranked[0].id
