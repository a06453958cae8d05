package io.citrate.ipfs.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MediaTypesTest {

  @Test
  void commonExtensionsNameTheirTypes() {
    assertThat(MediaTypes.byExtension("index.HTML")).isEqualTo("text/html; charset=utf-8");
    assertThat(MediaTypes.byExtension("a.b.json")).isEqualTo("application/json");
    assertThat(MediaTypes.byExtension("model.onnx")).isNull();
    assertThat(MediaTypes.byExtension("README")).isNull();
    assertThat(MediaTypes.byExtension("")).isNull();
  }

  @Test
  void utf8TextIsTextEvenWhenItsLastCharacterIsCut() {
    byte[] text = "grüße, 世界\n".getBytes(StandardCharsets.UTF_8);
    byte[] cut = Arrays.copyOf(text, text.length - 2);

    assertThat(MediaTypes.looksLikeText(text, false)).isTrue();
    assertThat(MediaTypes.looksLikeText(cut, true)).isTrue();
    assertThat(MediaTypes.looksLikeText(cut, false)).isFalse();
    assertThat(MediaTypes.looksLikeText(new byte[0], false)).isTrue();
  }

  @Test
  void controlCharactersAndInvalidUtf8AreBinary() {
    assertThat(MediaTypes.looksLikeText(new byte[] {'a', 0, 'b'}, false)).isFalse();
    assertThat(MediaTypes.looksLikeText(new byte[] {'a', 0x1b, 'b'}, false)).isFalse();
    assertThat(MediaTypes.looksLikeText(new byte[] {'a', (byte) 0xff, 'b'}, false)).isFalse();
    assertThat(MediaTypes.looksLikeText(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, true)).isFalse();
    assertThat(MediaTypes.looksLikeText("tab\tand\r\nlines".getBytes(StandardCharsets.UTF_8), false)).isTrue();
  }
}
