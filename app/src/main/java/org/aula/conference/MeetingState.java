package org.aula.conference;

public enum MeetingState {
    OPEN, ENDED
}
