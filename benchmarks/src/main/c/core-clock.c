/*
 * Measures the clock a core runs at under load, in MHz: eight dependent 64-bit adds per loop iteration
 * retire one per cycle on every x86-64 core, while the loop's own counter and branch run beside them.
 * A virtual machine often reports the base clock in /proc/cpuinfo while its cores boost well above it;
 * tensor-bench.sh runs one copy per core at once and takes the slowest for the peak FLOP/s. Each copy keeps
 * the fastest of many short rounds, so a round another process shared the core with does not count.
 */
#include <stdio.h>
#include <time.h>

int main(void) {
  const long iterations = 20000000;
  long x = 0;
  double best = 0;
  for (int round = 0; round < 40; round++) {
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (long i = 0; i < iterations; i++) {
      __asm__ volatile("add $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\t"
                       "add $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\tadd $1, %0" : "+r"(x));
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9;
    double hertz = iterations * 8.0 / seconds;
    if (hertz > best) {
      best = hertz;
    }
  }
  printf("%.0f\n", best / 1e6);
  return x == 0;
}
