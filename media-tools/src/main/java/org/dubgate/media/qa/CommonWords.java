package org.dubgate.media.qa;

import java.util.List;

/**
 * Frequent English words the recognizer may choose besides the script's own. With the script's words
 * alone, any speech is forced onto them and a line that says something else still scores well; with
 * these as well, other speech is heard as other words and the error rate rises. Measured with flite:
 * the fox sentence decoded exactly, while the audio of a different sentence scored a WER near 1.
 * The price is a few confusions on correct lines (flite's "I" heard as "by", "and" as "than").
 */
final class CommonWords {

    static final List<String> WORDS = List.of("""
            a about after again all also always am an and another any are around as ask at away back be
            because been before being best better between big both boy but by call came can car case child
            come could country day did different do does dog done door down each end even every eye face
            fact far father feel few find first follow food for found four friend from gave get girl give go
            good got great group hand has have he head hear help her here high him his home house how i if
            important in into is it just keep kind know large last late leave left let life light like line
            little live long look made make man many may me mean men might mind money more most mother move
            much must my name need never new next night no not nothing now number of off often oh old on once
            one only open or other our out over own part people place play point put question read real right
            room run said same saw say school see seem she should show side small so some something soon start
            state still stop story study such sure take talk tell than thank that the their them then there
            these they thing think this those thought three through time to today together too took tree try
            turn two under until up us use very walk want was water way we week well went were what when where
            which while white who why will with without woman word work world would write year yes yet you
            young your""".strip().split("\\s+"));

    private CommonWords() {
    }
}
