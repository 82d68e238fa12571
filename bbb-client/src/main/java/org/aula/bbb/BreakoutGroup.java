package org.aula.bbb;

import java.util.List;
import java.util.Objects;

/**
 * A pre-defined breakout room for the {@code groups} create parameter.
 *
 * @param id room id as BBB expects it (a string, e.g. {@code "1"})
 * @param name room name shown in the client; may be empty to let BBB name it
 * @param roster external user ids (the {@code userID} given to join) to place in this room
 */
public record BreakoutGroup(String id, String name, List<String> roster) {
    public BreakoutGroup {
        Objects.requireNonNull(id, "id");
        name = Objects.requireNonNullElse(name, "");
        roster = List.copyOf(roster);
    }

    /** Serialises groups as the JSON array bbb-web parses: {@code [{"id":"1","name":"A","roster":["u1"]}]}. */
    static String toJson(List<BreakoutGroup> groups) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < groups.size(); i++) {
            BreakoutGroup g = groups.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"id\":");
            Json.quote(g.id, sb);
            sb.append(",\"name\":");
            Json.quote(g.name, sb);
            sb.append(",\"roster\":[");
            for (int j = 0; j < g.roster.size(); j++) {
                if (j > 0) {
                    sb.append(',');
                }
                Json.quote(g.roster.get(j), sb);
            }
            sb.append("]}");
        }
        return sb.append(']').toString();
    }
}
