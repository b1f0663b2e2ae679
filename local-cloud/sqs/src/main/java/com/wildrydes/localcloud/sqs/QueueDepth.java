package com.wildrydes.localcloud.sqs;

/**
 * How many messages a queue holds, as its approximate-number attributes report them.
 *
 * @param visible  ready to be received
 * @param inFlight received and not yet deleted, hidden until their visibility timeout ends
 * @param delayed  sent with a delay that has not yet passed
 */
public record QueueDepth(int visible, int inFlight, int delayed) {

    public int total() {
        return visible + inFlight + delayed;
    }
}
