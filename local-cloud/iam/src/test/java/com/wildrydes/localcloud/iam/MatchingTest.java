package com.wildrydes.localcloud.iam;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** IAM's wildcards, and ARNs matched segment by segment. */
class MatchingTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            dynamodb:putitem      | dynamodb:putitem      | true
            dynamodb:get*         | dynamodb:getitem      | true
            dynamodb:get*         | dynamodb:get          | true
            dynamodb:get*         | dynamodb:putitem      | false
            *                     | sns:publish           | true
            sns:*                 | sns:publish           | true
            sns:*                 | sqs:sendmessage       | false
            sqs:sendmessage*      | sqs:sendmessage       | true
            sqs:sendmessage*      | sqs:sendmessagebatch  | true
            ssm:getparameter?     | ssm:getparameters     | true
            ssm:getparameter?     | ssm:getparameter      | false
            *:*item               | dynamodb:deleteitem   | true
            a*b*c                 | axxbyyc               | true
            a*b*c                 | axxbyyd               | false
            a*b*c                 | abcbc                 | true
            ?                     | ''                    | false
            ''                    | ''                    | true
            ''                    | a                     | false
            """)
    void globsMatchAsIamDoes(String pattern, String text, boolean expected) {
        assertThat(Wildcard.matches(pattern, text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            *                                                         | arn:aws:sns:us-east-1:000000000000:rides | true
            *                                                         | *                                        | true
            arn:aws:sns:us-east-1:000000000000:rides                  | arn:aws:sns:us-east-1:000000000000:rides | true
            arn:aws:sns:us-east-1:000000000000:Rides                  | arn:aws:sns:us-east-1:000000000000:rides | false
            arn:aws:sns:*:*:rides                                     | arn:aws:sns:eu-west-1:111122223333:rides | true
            arn:aws:sns:us-east-1:000000000000:rides                  | *                                        | false
            arn:aws:dynamodb:us-east-1:000000000000:table/T/index/*   | arn:aws:dynamodb:us-east-1:000000000000:table/T/index/ByColor | true
            arn:aws:dynamodb:us-east-1:000000000000:table/T           | arn:aws:dynamodb:us-east-1:000000000000:table/T/index/ByColor | false
            arn:aws:lambda:us-east-1:000000000000:function:fleet*     | arn:aws:lambda:us-east-1:000000000000:function:fleet:live | true
            arn:aws:lambda:us-east-1:000000000000:function:fleet      | arn:aws:lambda:us-east-1:000000000000:function:fleet:live | false
            arn:aws:lambda:us-east-1:000000000000:function:fleet:*    | arn:aws:lambda:us-east-1:000000000000:function:fleet      | false
            arn:aws:*:us-east-1:000000000000:rides                    | arn:aws:sns:us-east-1:000000000000:rides | true
            arn:aws:sns:us-east-?:000000000000:rides                  | arn:aws:sns:us-east-1:000000000000:rides | true
            arn:aws:ssm:us-east-1:000000000000:parameter/wild-rydes/* | arn:aws:ssm:us-east-1:000000000000:parameter/wild-rydes/dev/Url | true
            """)
    void resourcesMatchSegmentBySegmentAndCaseSensitively(String pattern, String arn, boolean expected) {
        assertThat(new ArnPattern(pattern).matches(arn)).isEqualTo(expected);
    }
}
