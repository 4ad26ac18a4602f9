package io.basalt.server.query;

import io.basalt.parser.ScriptTokenizer;
import io.basalt.parser.grammar.BasaltLexer;
import org.antlr.v4.runtime.Token;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Binds the current date and time into a DEFAULT expression's text: {@code CURRENT_TIMESTAMP}, {@code LOCALTIMESTAMP},
 * {@code now()}, {@code transaction_timestamp()}, {@code statement_timestamp()} become a TIMESTAMP literal,
 * {@code CURRENT_DATE} a DATE and {@code CURRENT_TIME}/{@code LOCALTIME} a TIME literal of one instant, so that every
 * row of a statement gets the same value (PostgreSQL's functions are stable within a transaction too). Basalt has no
 * time zones yet: the values are UTC.
 */
public final class TimeFunctions {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS", Locale.ROOT);

    private TimeFunctions() {
    }

    /** Whether {@code expression} reads the current time (its value then differs from one statement to the next). */
    static boolean readsTime(String expression) {
        return !bind(expression, Instant.EPOCH).equals(expression);
    }

    /** {@code expression} with every current-time function replaced by its value at {@code now}. */
    public static String bind(String expression, Instant now) {
        LocalDateTime time = LocalDateTime.ofInstant(now.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        List<Token> tokens = ScriptTokenizer.tokenize(expression);
        StringBuilder bound = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            String replacement = null;
            int last = i;
            switch (token.getType()) {
                case BasaltLexer.CURRENT_TIMESTAMP -> replacement = "TIMESTAMP '" + TIMESTAMP.format(time) + "'";
                case BasaltLexer.CURRENT_DATE -> replacement = "DATE '" + time.toLocalDate() + "'";
                case BasaltLexer.CURRENT_TIME -> replacement = "TIME '" + TIME.format(time) + "'";
                case BasaltLexer.IDENTIFIER -> {
                    String word = token.getText().toLowerCase(Locale.ROOT);
                    if (word.equals("localtimestamp")) {
                        replacement = "TIMESTAMP '" + TIMESTAMP.format(time) + "'";
                    } else if (word.equals("localtime")) {
                        replacement = "TIME '" + TIME.format(time) + "'";
                    } else if (word.equals("now") || word.equals("transaction_timestamp") || word.equals("statement_timestamp")) {
                        int close = emptyArgumentsEnd(tokens, i + 1);
                        if (close > 0) {
                            replacement = "TIMESTAMP '" + TIMESTAMP.format(time) + "'";
                            last = close;
                        }
                    }
                }
                default -> {
                }
            }
            if (replacement == null) {
                bound.append(token.getText());
            } else {
                bound.append(replacement);
                i = last;
            }
        }
        return bound.toString();
    }

    /** The index of the {@code )} of an empty argument list starting at {@code from}, or -1. */
    private static int emptyArgumentsEnd(List<Token> tokens, int from) {
        int index = skipHidden(tokens, from);
        if (index >= tokens.size() || tokens.get(index).getType() != BasaltLexer.LEFT_PAREN) {
            return -1;
        }
        index = skipHidden(tokens, index + 1);
        return index < tokens.size() && tokens.get(index).getType() == BasaltLexer.RIGHT_PAREN ? index : -1;
    }

    private static int skipHidden(List<Token> tokens, int from) {
        int index = from;
        while (index < tokens.size() && tokens.get(index).getChannel() != Token.DEFAULT_CHANNEL) {
            index++;
        }
        return index;
    }
}
