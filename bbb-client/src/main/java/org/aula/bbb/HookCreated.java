package org.aula.bbb;

/**
 * Answer of {@code hooks/create}.
 *
 * @param duplicate true when a hook for this callback URL already existed ({@code duplicateWarning})
 */
public record HookCreated(String hookId, boolean permanentHook, boolean rawData, boolean duplicate) {
}
