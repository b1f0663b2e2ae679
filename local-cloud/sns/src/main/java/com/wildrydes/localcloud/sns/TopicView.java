package com.wildrydes.localcloud.sns;

import java.util.List;

/** A topic as the console shows it: its subscribers and how many messages it took. */
public record TopicView(String arn, String name, long published, List<SubscriptionView> subscriptions) {
}
