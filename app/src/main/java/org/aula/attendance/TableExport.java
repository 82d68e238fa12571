package org.aula.attendance;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes report rows as CSV or XLSX, row by row (large reports are never held in memory as a file). Cells are
 * String, Number, LocalDateTime or null.
 */
interface TableExport extends AutoCloseable {

    DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    void row(List<?> cells);

    @Override
    void close();

    /**
     * CSV (RFC 4180, UTF-8 with a byte order mark so that Excel reads it as UTF-8). Text starting with = + - @ (or a
     * tab or carriage return) gets a leading apostrophe: a spreadsheet would otherwise run it as a formula (CSV
     * injection), and names come from users.
     */
    static TableExport csv(OutputStream out) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            writer.write('\uFEFF');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TableExport() {
            @Override
            public void row(List<?> cells) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < cells.size(); i++) {
                    if (i > 0) {
                        line.append(',');
                    }
                    line.append(csvCell(cells.get(i)));
                }
                try {
                    writer.write(line.append("\r\n").toString());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void close() {
                try {
                    writer.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    static String csvCell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        }
        String text = value instanceof LocalDateTime t ? CSV_TIME.format(t) : value.toString();
        if (!(value instanceof LocalDateTime) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0
                || text.startsWith("'")) {
            text = '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /** XLSX with fastexcel: one sheet, bold header row, real numbers and dates (strings are never formulas there). */
    static TableExport xlsx(OutputStream out, String sheetName) {
        Workbook workbook = new Workbook(out, "Aula", "1.0");
        Worksheet sheet = workbook.newWorksheet(sheetName);
        return new TableExport() {
            private int row;

            @Override
            public void row(List<?> cells) {
                for (int c = 0; c < cells.size(); c++) {
                    Object value = cells.get(c);
                    switch (value) {
                        case null -> { }
                        case Number n -> sheet.value(row, c, n);
                        case LocalDateTime t -> {
                            sheet.value(row, c, t);
                            sheet.style(row, c).format("yyyy-mm-dd hh:mm:ss").set();
                        }
                        default -> sheet.value(row, c, value.toString());
                    }
                    if (row == 0) {
                        sheet.style(row, c).bold().set();
                    }
                }
                row++;
            }

            @Override
            public void close() {
                try {
                    workbook.finish();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
