package io.citrate.ipfs.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParametersTest {

  @Test
  void pairsAreDecodedAndRepeatedNamesKept() {
    QueryParameters query = QueryParameters.parse("cid=a&cid=b%2Cc&name=gr%C3%BC%C3%9Fe+dich&flag&&empty=");

    assertThat(query.all("cid")).containsExactly("a", "b,c");
    assertThat(query.first("name")).isEqualTo("grüße dich");
    assertThat(query.first("flag")).isEmpty();
    assertThat(query.first("empty")).isEmpty();
    assertThat(query.first("absent")).isNull();
    assertThat(query.all("absent")).isEmpty();
    assertThat(QueryParameters.parse(null).all("x")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a=%", "a=%4", "a=%zz", "a=%FF", "a=%C0%80", "%=1", "a=é"})
  void malformedEscapesAndNonUtf8AreRefused(String query) {
    assertThatThrownBy(() -> QueryParameters.parse(query)).isInstanceOf(IllegalArgumentException.class);
  }
}
