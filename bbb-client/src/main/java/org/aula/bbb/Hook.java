package org.aula.bbb;

/**
 * One hook of {@code hooks/list}.
 *
 * @param meetingId empty for a global hook
 * @param eventIds comma-separated event filter, empty if none
 */
public record Hook(String hookId, String callbackUrl, String meetingId, String eventIds, boolean permanentHook,
        boolean rawData) {

    public boolean isGlobal() {
        return meetingId.isEmpty();
    }
}
