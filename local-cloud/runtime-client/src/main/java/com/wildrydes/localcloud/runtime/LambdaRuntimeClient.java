package com.wildrydes.localcloud.runtime;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLClassLoader;

/**
 * The runtime inside each function JVM: loads the handler named by {@code _HANDLER} from the code
 * at {@code LAMBDA_TASK_ROOT}, then asks the Lambda Runtime API at {@code AWS_LAMBDA_RUNTIME_API}
 * for events one at a time, runs the handler and posts its result or error.
 *
 * <p>Per invocation the X-Ray trace header is set as the system property the AWS SDK reads, so
 * calls the function makes join the caller's trace. A handler that cannot be loaded is reported
 * to {@code /init/error} and the JVM exits, as the managed runtime does.
 */
public final class LambdaRuntimeClient {

    private final RuntimeEnvironment environment;
    private final RuntimeApi api;
    private final FunctionOutput output;
    private final FunctionLogger logger;

    LambdaRuntimeClient(RuntimeEnvironment environment, RuntimeApi api, FunctionOutput output) {
        this.environment = environment;
        this.api = api;
        this.output = output;
        this.logger = new FunctionLogger(output.printer());
    }

    public static void main(String[] args) {
        ParentWatch.exitWithParent(System.getProperty(RuntimeProtocol.PARENT_PID_PROPERTY));
        FunctionOutput output = FunctionOutput.installOnStdout();
        RuntimeEnvironment environment = RuntimeEnvironment.from(System.getenv());
        int status;
        try (RuntimeApi api = new RuntimeApi(environment.runtimeApi())) {
            status = new LambdaRuntimeClient(environment, api, output).run(ClassLoader.getSystemClassLoader());
        }
        System.exit(status);
    }

    /**
     * Initialises, then serves invocations until the Runtime API goes away (Lambda stopped this
     * instance). Returns the exit status: 0 after serving, 1 when init or the runtime failed.
     */
    int run(ClassLoader runtimeClassLoader) {
        FunctionHandler handler;
        try {
            handler = init(runtimeClassLoader);
        } catch (HandlerLoadException e) {
            output.line(e.error().logText());
            try {
                api.reportInitError(e.error());
            } catch (IOException unreachable) {
                output.line("could not report the init error to the Runtime API: " + unreachable.getMessage());
            }
            return 1;
        }
        while (true) {
            Invocation invocation;
            try {
                invocation = api.next();
            } catch (IOException stopped) {
                return 0;
            }
            if (!serve(handler, invocation)) {
                return 1;
            }
        }
    }

    private FunctionHandler init(ClassLoader runtimeClassLoader) throws HandlerLoadException {
        URLClassLoader functionClassLoader;
        try {
            functionClassLoader = FunctionCode.classLoader(environment.taskRoot(), runtimeClassLoader);
        } catch (IOException | RuntimeException e) {
            throw new HandlerLoadException(ErrorDocument.of("Could not read the function's code at "
                    + environment.taskRoot() + ": " + e.getMessage(), "Runtime.InvalidCode"));
        }
        Thread.currentThread().setContextClassLoader(functionClassLoader);
        return HandlerLoader.load(environment.handler(), functionClassLoader);
    }

    /** Runs one invocation; false when the JVM can no longer be trusted to serve another. */
    private boolean serve(FunctionHandler handler, Invocation invocation) {
        String requestId = invocation.requestId();
        if (invocation.traceId() != null) {
            System.setProperty(RuntimeProtocol.TRACE_HEADER_PROPERTY, invocation.traceId());
        }
        try {
            ByteArrayOutputStream result = new ByteArrayOutputStream(1024);
            actOut(invocation);
            handler.handle(new ByteArrayInputStream(invocation.payload()), result,
                    new InvocationContext(environment, invocation, logger));
            output.endInvocation(requestId);
            post(() -> api.respond(requestId, result.toByteArray()));
            return true;
        } catch (Throwable failure) {
            ErrorDocument error = ErrorDocument.of(ErrorDocument.withoutRuntimeFrames(failure));
            output.line(error.logText());
            output.endInvocation(requestId);
            post(() -> api.reportInvocationError(requestId, error));
            // After running out of memory or stack the JVM is suspect: stop, and let Lambda start afresh.
            return !(failure instanceof VirtualMachineError);
        } finally {
            System.clearProperty(RuntimeProtocol.TRACE_HEADER_PROPERTY);
        }
    }

    /** Acts out a fault local-cloud injected, before (or instead of) the handler. */
    private void actOut(Invocation invocation) throws InterruptedException {
        if (invocation.fault() == null) {
            return;
        }
        switch (invocation.fault()) {
            case InjectedFault.Throw t -> throw new InjectedFaultException(t.message());
            case InjectedFault.Sleep s -> Thread.sleep(s.millis());
            case InjectedFault.Timeout t -> {
                // Outlive the deadline; Lambda stops this JVM when it passes.
                Thread.sleep(Math.max(0, invocation.deadlineMs() - System.currentTimeMillis()) + 60_000);
            }
            case InjectedFault.Exit e -> {
                output.line("local-cloud injected fault: exiting with status " + e.status());
                System.exit(e.status());
            }
        }
    }

    @FunctionalInterface
    private interface RuntimeCall {
        void run() throws IOException;
    }

    /** A refused post (say, a result over Lambda's size limit) is Lambda's to report; log and go on. */
    private void post(RuntimeCall call) {
        try {
            call.run();
        } catch (IOException e) {
            output.line("the Runtime API did not accept the result: " + e.getMessage());
        }
    }
}
