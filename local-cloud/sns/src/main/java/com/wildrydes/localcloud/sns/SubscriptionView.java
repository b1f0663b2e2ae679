package com.wildrydes.localcloud.sns;

/**
 * A subscription as the console shows it, with what became of the messages published since it began.
 *
 * @param filterPolicy null when the subscription takes every message
 * @param filteredOut  messages its filter policy turned away
 * @param failed       deliveries the endpoint refused (for example, a deleted queue)
 */
public record SubscriptionView(String arn, String protocol, String endpoint, String filterPolicy,
                               boolean rawMessageDelivery, long delivered, long filteredOut, long failed) {
}
