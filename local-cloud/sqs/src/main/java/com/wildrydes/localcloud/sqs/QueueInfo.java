package com.wildrydes.localcloud.sqs;

/** A queue's three names: what templates call it, its URL (a template's Ref) and its ARN. */
public record QueueInfo(String name, String url, String arn) {
}
