package org.raccord.simulator;

import java.util.Arrays;

/**
 * A binary min-heap of (second, line) pairs packed into longs: which line has the next due event.
 * A primitive heap because it holds one entry per line in flight, up to the whole population.
 */
final class TimeHeap {

    private long[] heap = new long[1024];
    private int size;

    void push(long epochSecond, int line) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        long key = (epochSecond << 32) | (line & 0xFFFFFFFFL);
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heap[parent] <= key) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = key;
    }

    boolean isEmpty() {
        return size == 0;
    }

    long peekSecond() {
        return heap[0] >> 32;
    }

    int popLine() {
        int line = (int) heap[0];
        long last = heap[--size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && heap[child + 1] < heap[child]) {
                child++;
            }
            if (last <= heap[child]) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = last;
        return line;
    }
}
