package org.aula.course;

public record Course(long id, String code, String title) {
}
