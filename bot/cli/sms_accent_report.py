"""Measure how many SMS segments accent folding saves on typical bot replies.

For sample replies in Spanish, Portuguese, French and Haitian Creole (written for this measurement, in the
style of the bot's messages), print the encoding and segment count of the raw text, after `fold_typography`
(curly quotes, no-break spaces: always safe) and after `fold_typography` + `fold_accents` (a per-language
choice). The last two columns differ by what the accented letters alone cost.

Usage:
    python scripts/sms_accent_report.py
"""

from __future__ import annotations

from bot.text.sms import fold_accents, fold_typography, sms_info

SAMPLES: dict[str, list[str]] = {
    "es": [
        "No abra la puerta. Pida que pasen la orden por debajo de la puerta o que la muestren por la ventana.",
        "Usted tiene derecho a guardar silencio, aunque tengan una orden. Puede decir: “Quiero guardar silencio”.",
        "Una orden administrativa de ICE (formularios I-200 o I-205) no les da permiso para entrar sin su "
        "consentimiento. Una orden judicial está firmada por un juez.",
        "Si entran por la fuerza, no se resista. Diga que no da su consentimiento, que guardará silencio y que "
        "quiere un abogado.",
        "No mienta, no muestre documentos falsos, no firme nada sin hablar con un abogado y no corra.",
        "Si es seguro, grabe con su teléfono y anote los números de placa de los agentes y de los vehículos.",
        "¿Está en el aeropuerto? Si tiene miedo de volver a su país, diga que quiere pedir asilo.",
        "Las salas de emergencia de los hospitales deben atender a cualquier persona, sin importar su estatus "
        "migratorio.",
    ],
    "pt": [
        "Não abra a porta. Peça que passem o mandado por baixo da porta ou que o mostrem pela janela.",
        "Você tem o direito de ficar calado, mesmo que eles tenham um mandado.",
        "Um mandado administrativo do ICE (formulários I-200 ou I-205) não autoriza a entrada sem o seu "
        "consentimento. Um mandado judicial é assinado por um juiz.",
        "Se entrarem à força, não resista. Diga que não consente com a entrada nem com a busca, que vai ficar "
        "calado e que quer um advogado.",
        "Não minta, não mostre documentos falsos, não assine nada sem um advogado e não corra.",
        "Se for seguro, grave com o celular e anote os números dos distintivos e as placas dos veículos.",
        "Está no aeroporto? Se tem medo de voltar ao seu país, diga que quer pedir asilo.",
        "Residentes permanentes: não assinem o formulário I-407. Só um juiz de imigração pode tirar o seu status.",
    ],
    "fr": [
        "N’ouvrez pas la porte. Demandez qu’on glisse le mandat sous la porte ou qu’on le montre à la fenêtre.",
        "Vous avez le droit de garder le silence, même s’ils ont un mandat.",
        "Un mandat administratif de l’ICE (formulaires I-200 ou I-205) ne permet pas d’entrer sans votre accord. "
        "Un mandat judiciaire est signé par un juge.",
        "S’ils entrent de force, ne résistez pas. Dites que vous ne consentez ni à l’entrée ni à la fouille, que "
        "vous gardez le silence et que vous voulez un avocat.",
        "Ne mentez pas, ne montrez pas de faux documents, ne signez rien sans avocat et ne fuyez pas.",
        "Si c’est sans danger, filmez avec votre téléphone et notez les numéros de badge et les plaques des véhicules.",
        "Vous êtes à l’aéroport\u00a0? Si vous craignez de retourner dans votre pays, dites que vous voulez "
        "demander l’asile.",
        "Les urgences des hôpitaux doivent soigner toute personne, quel que soit son statut.",
    ],
    "ht": [
        "Pa louvri pòt la. Mande yo pase manda a anba pòt la oswa montre l nan fenèt la.",
        "Ou gen dwa pou w rete an silans, menm si yo gen yon manda.",
        "Yon manda administratif ICE (fòm I-200 oswa I-205) pa ba yo dwa antre san pèmisyon ou. Se yon jij ki "
        "siyen yon manda tribinal.",
        "Si yo antre pa fòs, pa reziste. Di ou pa dakò, ou ap rete an silans epi ou vle yon avoka.",
        "Pa bay manti, pa montre fo papye, pa siyen anyen san yon avoka, epi pa kouri.",
        "Si li pa danjere, filme ak telefòn ou epi ekri nimewo badj yo ak plak machin yo.",
        "Èske w nan ayewopò a? Si w pè retounen nan peyi w, di ou vle mande azil.",
        "Sal ijans lopital yo dwe okipe tout moun, kèlkeswa estati imigrasyon yo.",
    ],
}


def measure(text: str) -> list[tuple[str, int]]:
    """Return (encoding, segments) of the raw text, after typography folding, and after accent folding too."""
    typographic = fold_typography(text)
    return [sms_info(text), sms_info(typographic), sms_info(fold_accents(typographic))]


def report_language(lang: str, replies: list[str]) -> list[int]:
    """Print one line per reply and for the replies sent as one message; return segment totals per column."""
    totals = [0, 0, 0]
    for number, text in enumerate(replies + ["\n\n".join(replies)], start=1):
        columns = measure(text)
        label = f"{lang} {number}" if number <= len(replies) else f"{lang} all"
        cells = "  ".join(f"{enc:<6}{count:>3}" for enc, count in columns)
        print(f"{label:<7}{len(text):>6}  {cells}")
        if number <= len(replies):
            totals = [total + count for total, (_, count) in zip(totals, columns)]
    return totals


def main() -> None:
    """Print the per-reply table and a per-language summary."""
    print(f"{'reply':<7}{'chars':>6}  {'raw':<9}  {'typography':<9}  +accents")
    totals = {lang: report_language(lang, replies) for lang, replies in SAMPLES.items()}
    print("\nSegments for the 8 replies sent one by one: raw -> typography -> +accents (saving of +accents)")
    for lang, (raw, typographic, folded) in totals.items():
        saving = 100 * (typographic - folded) / typographic
        print(f"  {lang}: {raw:>3} -> {typographic:>3} -> {folded:>3}  ({saving:.0f}% fewer than typography only)")


if __name__ == "__main__":
    main()
