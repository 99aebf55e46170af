package io.strata.protocol.types;

/** Vectors as MatrixOne prints them: {@code [1, 2.5, 3]}. */
public final class VectorText {
    private VectorText() {}

    public static String format(float[] vector) {
        StringBuilder text = new StringBuilder(vector.length * 8 + 2).append('[');
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(MysqlNumberFormat.formatFloat(vector[i]));
        }
        return text.append(']').toString();
    }

    public static String format(double[] vector) {
        StringBuilder text = new StringBuilder(vector.length * 8 + 2).append('[');
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(MysqlNumberFormat.formatDouble(vector[i]));
        }
        return text.append(']').toString();
    }
}
