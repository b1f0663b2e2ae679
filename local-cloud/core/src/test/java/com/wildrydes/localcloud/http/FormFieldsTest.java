package com.wildrydes.localcloud.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FormFieldsTest {

    private static AwsRequest query(String rawQuery, String contentType, String body) {
        return new AwsRequest("sns", "us-east-1", "key", "POST", "/", rawQuery,
                contentType == null ? Map.of() : Map.of("content-type", List.of(contentType)),
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesTheFirstFieldOfThatName() {
        assertThat(FormFields.value("Action=Publish&Message=a%20ride%26more&Message=second", "Message"))
                .hasValue("a ride&more");
        assertThat(FormFields.value("Action=Publish", "TopicArn")).isEmpty();
        assertThat(FormFields.value("", "Action")).isEmpty();
        assertThat(FormFields.value(null, "Action")).isEmpty();
    }

    @Test
    void readsTheQueryStringFirstThenAFormBody() {
        String form = "application/x-www-form-urlencoded; charset=utf-8";
        assertThat(FormFields.value(query("Action=ListTopics", form, "Action=Publish"), "Action", 100)).hasValue("ListTopics");
        assertThat(FormFields.value(query(null, form, "Action=Publish"), "Action", 100)).hasValue("Publish");
    }

    @Test
    void leavesAloneBodiesThatAreNotFormsOrTooLarge() {
        assertThat(FormFields.value(query(null, "application/json", "Action=Publish"), "Action", 100)).isEmpty();
        assertThat(FormFields.value(query(null, null, "Action=Publish"), "Action", 100)).isEmpty();
        assertThat(FormFields.value(query(null, "application/x-www-form-urlencoded", "Action=Publish"), "Action", 13))
                .isEmpty();
        assertThat(FormFields.value(query(null, "application/x-www-form-urlencoded", "Action=Publish"), "Action", 14))
                .hasValue("Publish");
    }
}
