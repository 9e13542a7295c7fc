package dev.sitepulse.analytics.internal.opencl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.jocl.CLException;
import org.junit.jupiter.api.Test;

class ReleasesTest {

  @Test
  void everyReleaseRunsAfterOneFailsAndTheFirstFailureIsThrownWithTheRestSuppressed() {
    List<String> released = new ArrayList<>();
    Releases releases = new Releases();

    releases.run(() -> {
      throw new CLException("CL_OUT_OF_RESOURCES");
    });
    releases.each(List.of("a", "b", "c"), name -> {
      if (name.equals("b")) {
        throw new CLException("CL_INVALID_MEM_OBJECT");
      }
      released.add(name);
    });
    releases.run(() -> released.add("context"));

    assertThat(released).containsExactly("a", "c", "context");
    assertThatThrownBy(releases::throwFirst)
        .hasMessage("CL_OUT_OF_RESOURCES")
        .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage)
            .containsExactly("CL_INVALID_MEM_OBJECT"));
  }

  @Test
  void releasesThatAllSucceedThrowNothing() {
    Releases releases = new Releases();
    releases.run(() -> { });

    releases.throwFirst();
  }
}
