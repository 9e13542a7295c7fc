package dev.sitepulse.crawler.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrontierAbandonTest {

  @Test
  void aHostGivenUpOnLosesItsQueueAndTakesNoMoreWhileOtherHostsGoOn() {
    Frontier f = new Frontier(8, 2, 0);
    f.offer("http://gone.example/a", 1);
    f.offer("http://gone.example/b", 1);
    f.offer("http://up.example/a", 1);

    assertThat(f.abandon("http://gone.example")).isEqualTo(2);
    f.offer("http://gone.example/c", 1); // found on a page of another host later
    f.requeue("http://gone.example/a", 1); // a retry whose timer fires after

    assertThat(f.queued()).isEqualTo(1);
    assertThat(f.abandonedUrls()).isEqualTo(4);
    assertThat(f.poll(0).url()).isEqualTo("http://up.example/a");
    assertThat(f.poll(0)).isNull();
  }
}
