package io.strata.sql.exec;

import java.util.regex.Pattern;

/** A SQL LIKE pattern ({@code %}, {@code _}, backslash escapes) matched case-insensitively, as SHOW ... LIKE does. */
final class LikePattern {
    private final Pattern regex;

    LikePattern(String like) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        this.regex = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    boolean matches(String value) {
        return value != null && regex.matcher(value).matches();
    }
}
