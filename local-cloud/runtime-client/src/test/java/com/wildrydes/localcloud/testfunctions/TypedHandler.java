package com.wildrydes.localcloud.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Binds RequestHandler's input type one level up, so the runtime must resolve it through the hierarchy. */
public abstract class TypedHandler<T> implements RequestHandler<T, Location> {

    @Override
    public Location handleRequest(T input, Context context) {
        return respond(input);
    }

    protected abstract Location respond(T input);
}
