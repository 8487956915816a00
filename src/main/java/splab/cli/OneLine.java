package splab.cli;

/**
 * Makes an error message safe to print as one terminal line: a parser's location suffix on further lines
 * is dropped, line breaks become spaces, and control characters taken from the input (ESC, BEL, ...) are
 * shown as {@code \x1b}-style escapes instead of reaching the terminal.
 */
final class OneLine {
    private OneLine() {}

    static String of(String message) {
        if (message == null) {
            return "";
        }
        String m = message;
        int at = m.indexOf("\n at [Source");
        if (at >= 0) {
            m = m.substring(0, at);
        }
        StringBuilder sb = new StringBuilder(m.length());
        for (int i = 0; i < m.length(); i++) {
            char c = m.charAt(i);
            if (c == '\n' || c == '\r') {
                sb.append(' ');
            } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString().strip();
    }
}
