package io.citrate.tensor.internal.session;

import static io.citrate.tensor.internal.session.DimsTest.assertKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.citrate.tensor.api.AutoPad;
import io.citrate.tensor.api.TensorException.Kind;
import org.junit.jupiter.api.Test;

class WindowTest {

  @Test
  void explicitPadsFloorTheOutput() {
    assertThat(Window.resolve(5, 2, 2, 1, 0, 0, AutoPad.NOTSET, false)).isEqualTo(new Window(2, 0, 0));
    assertThat(Window.resolve(5, 3, 1, 1, 1, 1, AutoPad.NOTSET, false)).isEqualTo(new Window(5, 1, 1));
    assertThat(Window.resolve(7, 3, 1, 2, 0, 0, AutoPad.NOTSET, false)).isEqualTo(new Window(3, 0, 0));
  }

  @Test
  void ceilModeRoundsUp() {
    assertThat(Window.resolve(5, 2, 2, 1, 0, 0, AutoPad.NOTSET, true)).isEqualTo(new Window(3, 0, 0));
    assertThat(Window.resolve(6, 3, 3, 1, 1, 1, AutoPad.NOTSET, true)).isEqualTo(new Window(3, 1, 1));
  }

  @Test
  void ceilModeDropsAWindowThatWouldStartInTheEndPadding() {
    // ceil((3 + 1 - 1) / 2) + 1 = 3, but the third window would start at 4, past the input of 3.
    assertThat(Window.resolve(3, 1, 2, 1, 0, 1, AutoPad.NOTSET, true)).isEqualTo(new Window(2, 0, 1));
  }

  @Test
  void sameSplitsThePadWithTheOddOneAtTheEndOrTheBeginning() {
    assertThat(Window.resolve(5, 3, 2, 1, 0, 0, AutoPad.SAME_UPPER, false)).isEqualTo(new Window(3, 1, 1));
    assertThat(Window.resolve(4, 3, 2, 1, 0, 0, AutoPad.SAME_UPPER, false)).isEqualTo(new Window(2, 0, 1));
    assertThat(Window.resolve(4, 3, 2, 1, 0, 0, AutoPad.SAME_LOWER, false)).isEqualTo(new Window(2, 1, 0));
    assertThat(Window.resolve(4, 2, 1, 1, 0, 0, AutoPad.SAME_LOWER, false)).isEqualTo(new Window(4, 1, 0));
    assertThat(Window.resolve(5, 3, 1, 2, 0, 0, AutoPad.SAME_UPPER, false)).isEqualTo(new Window(5, 2, 2));
    assertThat(Window.resolve(6, 1, 3, 1, 0, 0, AutoPad.SAME_UPPER, false)).isEqualTo(new Window(2, 0, 0));
  }

  @Test
  void validIgnoresPads() {
    assertThat(Window.resolve(5, 3, 2, 1, 0, 0, AutoPad.VALID, false)).isEqualTo(new Window(2, 0, 0));
  }

  @Test
  void refusesWindowsLargerThanThePaddedInputAndBadAttributes() {
    assertKind(() -> Window.resolve(2, 4, 1, 1, 0, 1, AutoPad.NOTSET, false), Kind.SHAPE_MISMATCH);
    assertKind(() -> Window.resolve(4, 2, 0, 1, 0, 0, AutoPad.NOTSET, false), Kind.INVALID_ARGUMENT);
    assertKind(() -> Window.resolve(4, 2, 1, 0, 0, 0, AutoPad.NOTSET, false), Kind.INVALID_ARGUMENT);
    assertKind(() -> Window.resolve(4, 2, 1, 1, -1, 0, AutoPad.NOTSET, false), Kind.INVALID_ARGUMENT);
  }
}
