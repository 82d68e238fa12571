package org.aula.course;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed CSV file: rows with the physical line each starts on, so errors can point at the line a person sees
 * in their editor. Accepts what spreadsheets export: a UTF-8 byte order mark, {@code ,} or {@code ;} as separator
 * (taken from the header line), quoted fields with doubled quotes, line breaks inside quotes, CRLF.
 */
record CsvTable(char separator, List<Row> rows) {

    record Row(int line, List<String> fields) {

        String field(int index) {
            return index < fields.size() ? fields.get(index).strip() : "";
        }

        boolean isBlank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    /** The file cannot be read as CSV at all, e.g. a quote that is never closed. */
    static final class MalformedCsvException extends Exception {
        private final int line;

        MalformedCsvException(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    static CsvTable parse(String text) throws MalformedCsvException {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        char separator = detectSeparator(text);
        var rows = new ArrayList<Row>();
        var fields = new ArrayList<String>();
        var field = new StringBuilder();
        boolean inQuotes = false;
        int line = 1;
        int rowStart = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        inQuotes = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                inQuotes = true;
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                addRow(rows, rowStart, fields);
                fields = new ArrayList<>();
                line++;
                rowStart = line;
            } else {
                field.append(c);
            }
        }
        if (inQuotes) {
            throw new MalformedCsvException(rowStart, "unterminated quote");
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            addRow(rows, rowStart, fields);
        }
        return new CsvTable(separator, List.copyOf(rows));
    }

    private static void addRow(List<Row> rows, int line, List<String> fields) {
        var row = new Row(line, List.copyOf(fields));
        if (!row.isBlank()) {
            rows.add(row);
        }
    }

    /** The header line decides: whichever of , and ; it holds more of (outside quotes); comma when tied. */
    private static char detectSeparator(String text) {
        int commas = 0;
        int semicolons = 0;
        boolean inQuotes = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (!inQuotes && (c == '\n' || c == '\r')) {
                break;
            } else if (!inQuotes && c == ',') {
                commas++;
            } else if (!inQuotes && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }
}
