package org.aula.bbb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChecksumTest {

    private static final String DOC_SECRET = "639259d4-9dd8-4b25-bf01-95f9567eaf4b";
    private static final String DOC_QUERY = "name=Test+Meeting&meetingID=abc123&attendeePW=111222&moderatorPW=333444";

    @Test
    void reproducesTheWorkedExampleOfTheDocs() {
        assertThat(Checksum.of(ChecksumAlgorithm.SHA1, "create", DOC_QUERY, DOC_SECRET))
                .isEqualTo("1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17");
    }

    @ParameterizedTest
    @EnumSource(ChecksumAlgorithm.class)
    void eachAlgorithmHashesCallQueryAndSecretInThatOrder(ChecksumAlgorithm algorithm) {
        String checksum = Checksum.of(algorithm, "getMeetings", "", DOC_SECRET);
        assertThat(checksum).hasSize(algorithm.hexLength()).matches("[0-9a-f]+")
                .isEqualTo(StubBbbServer.hex(algorithm.jcaName(), "getMeetings" + DOC_SECRET));
        // Moving a character between the parts changes the hash: the parts are concatenated, not delimited.
        assertThat(Checksum.of(algorithm, "getMeeting", "s", DOC_SECRET)).isEqualTo(checksum);
        assertThat(Checksum.of(algorithm, "getMeetings", "", DOC_SECRET + "x")).isNotEqualTo(checksum);
    }

    @Test
    void matchesPicksTheAlgorithmByLengthAndIgnoresHexCase() {
        String sha512 = Checksum.of(ChecksumAlgorithm.SHA512, "create", DOC_QUERY, DOC_SECRET);
        assertThat(Checksum.matches(sha512.toUpperCase(), "create", DOC_QUERY, DOC_SECRET)).isTrue();
        assertThat(Checksum.matches("1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17", "create", DOC_QUERY, DOC_SECRET))
                .isTrue();
        assertThat(Checksum.matches(sha512, "create", DOC_QUERY + "&x=1", DOC_SECRET)).isFalse();
        assertThat(Checksum.matches(sha512.substring(1), "create", DOC_QUERY, DOC_SECRET)).isFalse();
        assertThat(Checksum.matches(null, "create", DOC_QUERY, DOC_SECRET)).isFalse();
    }

    @Test
    void forHexLengthKnowsTheFourLengths() {
        assertThat(ChecksumAlgorithm.forHexLength(40)).contains(ChecksumAlgorithm.SHA1);
        assertThat(ChecksumAlgorithm.forHexLength(64)).contains(ChecksumAlgorithm.SHA256);
        assertThat(ChecksumAlgorithm.forHexLength(96)).contains(ChecksumAlgorithm.SHA384);
        assertThat(ChecksumAlgorithm.forHexLength(128)).contains(ChecksumAlgorithm.SHA512);
        assertThat(ChecksumAlgorithm.forHexLength(32)).isEmpty();
    }

    @Test
    void rejectsNulls() {
        assertThatNullPointerException().isThrownBy(() -> Checksum.of(null, "create", "", "s"));
        assertThatNullPointerException().isThrownBy(() -> Checksum.of(ChecksumAlgorithm.SHA1, "create", null, "s"));
    }
}
