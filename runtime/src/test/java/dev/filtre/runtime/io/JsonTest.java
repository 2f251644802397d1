package dev.filtre.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {
    @Test
    void readsEveryKindOfValue() {
        Map<String, Object> json = Json.parseObject(
                " {\"a\": [1, -2.5e1, 0.125], \"b\": {\"c\": true, \"d\": null}, \"e\": \"x\\\"\\u00e9\\n\", \"f\": false} ");

        assertEquals(List.of(1L, -25.0, 0.125), json.get("a"));
        Map<?, ?> b = (Map<?, ?>) json.get("b");
        assertEquals(Boolean.TRUE, b.get("c"));
        assertNull(b.get("d"));
        assertEquals("x\"é\n", json.get("e"));
        assertEquals(Boolean.FALSE, json.get("f"));
        assertEquals(List.of("a", "b", "e", "f"), List.copyOf(json.keySet()), "document order");
    }

    @Test
    void writesCompactlyAndReadsBackTheSame() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", "conv1.weight \"quoted\"\ttab");
        value.put("shape", List.of(32L, 1L, 3L, 3L));
        value.put("nested", Map.of("k", 1.5));
        value.put("none", null);

        String text = Json.write(value);

        assertEquals("{\"name\":\"conv1.weight \\\"quoted\\\"\\ttab\",\"shape\":[32,1,3,3],\"nested\":{\"k\":1.5},"
                + "\"none\":null}", text);
        assertEquals(value, Json.parse(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"a\": 1,}|expected a string key, found '}' at offset 8",
        "{\"a\": 1 \"b\": 2}|expected ',' or '}' in an object, found '\"' at offset 8",
        "{\"a\": 1, \"a\": 2}|duplicate key \"a\" at offset 9",
        "[1, 2|expected ',' or ']' in an array, found end of input at offset 5",
        "{\"a\": 01}|leading zero in a number at offset 7",
        "{\"a\": tru}|unexpected 't', expected a value at offset 6",
        "{\"a\": \"x|unterminated string at offset 6",
        "{} x|unexpected 'x' after the value at offset 3",
        "{\"a\": 1.}|expected a digit after the decimal point, found '}' at offset 8",
        "{\"a\": \"\\q\"}|bad escape \\q at offset 8",
    })
    void malformedTextIsReportedWithItsOffset(String text, String message) {
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> Json.parse(text));

        assertEquals(message, e.getMessage());
    }

    @Test
    void anArrayIsNotAnObject() {
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> Json.parseObject("[1]"));

        assertEquals("expected an object ('{'), found '[' at offset 0", e.getMessage());
        assertEquals(0, e.offset());
    }
}
