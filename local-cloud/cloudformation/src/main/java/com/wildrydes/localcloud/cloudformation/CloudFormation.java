package com.wildrydes.localcloud.cloudformation;

import com.sun.net.httpserver.HttpHandler;
import com.wildrydes.localcloud.cloudformation.custom.CustomResourceProvisioner;
import com.wildrydes.localcloud.cloudformation.custom.CustomResourceResponses;
import com.wildrydes.localcloud.cloudformation.engine.ProvisionerRegistry;
import com.wildrydes.localcloud.cloudformation.engine.StackDeployer;
import com.wildrydes.localcloud.cloudformation.engine.StackState;
import com.wildrydes.localcloud.cloudformation.iam.RolePolicyStore;
import com.wildrydes.localcloud.cloudformation.resources.ApiDeploymentProvisioner;
import com.wildrydes.localcloud.cloudformation.resources.ApiStageProvisioner;
import com.wildrydes.localcloud.cloudformation.resources.DynamoDbTableProvisioner;
import com.wildrydes.localcloud.cloudformation.resources.EventInvokeConfigProvisioner;
import com.wildrydes.localcloud.cloudformation.resources.FunctionAsyncSettings;
import com.wildrydes.localcloud.cloudformation.resources.IamRoleProvisioner;
import com.wildrydes.localcloud.cloudformation.resources.LambdaAliasProvisioner;
import com.wildrydes.localcloud.cloudformation.resources.LambdaFunctionProvisioner;
import com.wildrydes.localcloud.cloudformation.resources.LambdaPermissionProvisioner;
import com.wildrydes.localcloud.cloudformation.resources.LambdaVersionProvisioner;
import com.wildrydes.localcloud.cloudformation.resources.ResourceProvisioner;
import com.wildrydes.localcloud.cloudformation.resources.RestApiProvisioner;
import com.wildrydes.localcloud.cloudformation.resources.RestApiRegistry;
import com.wildrydes.localcloud.cloudformation.resources.SsmParameterProvisioner;
import com.wildrydes.localcloud.cloudformation.sam.SamTransform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * local-cloud's CloudFormation: deploys a stage's SAM templates, unchanged, as stacks (the SAM
 * transform, parameters, conditions, intrinsics, custom resources, outputs and exports), updates
 * them in place on redeploy, and tears them down without leaving anything behind.
 *
 * <p>Deploys and deletes run one at a time; reading stacks never waits for them.
 */
public final class CloudFormation {

    /** Where custom resources PUT their responses; mount {@link #responseHandler()} on the edge at this prefix. */
    public static final String RESPONSE_PATH_PREFIX = CustomResourceResponses.PATH_PREFIX;

    private final CustomResourceResponses responses = new CustomResourceResponses();
    private final RolePolicyStore rolePolicies = new RolePolicyStore();
    private final StackDeployer deployer;
    private final ReentrantLock deploying = new ReentrantLock();
    private final Map<String, StackState> states = new LinkedHashMap<>();
    private volatile List<Stack> snapshot = List.of();

    public CloudFormation(CloudFormationContext context) {
        FunctionAsyncSettings asyncSettings = new FunctionAsyncSettings();
        RestApiRegistry apis = new RestApiRegistry();
        List<ResourceProvisioner> provisioners = new ArrayList<>(List.of(
                new LambdaFunctionProvisioner(context.lambda(), asyncSettings),
                new EventInvokeConfigProvisioner(context.lambda(), asyncSettings),
                new LambdaVersionProvisioner(context.lambda()),
                new LambdaAliasProvisioner(context.lambda()),
                new LambdaPermissionProvisioner(),
                new IamRoleProvisioner(rolePolicies),
                new RestApiProvisioner(apis),
                new ApiDeploymentProvisioner(apis),
                new ApiStageProvisioner(apis, context.apiGateway()),
                new DynamoDbTableProvisioner(context.dynamodb()),
                new SsmParameterProvisioner(context.ssm())));
        provisioners.addAll(context.extraProvisioners());
        CustomResourceProvisioner custom = new CustomResourceProvisioner(context.lambda(), context.edgeUrl(),
                context.customResourceTimeout(), responses);
        this.deployer = new StackDeployer(context, new ProvisionerRegistry(provisioners, custom),
                new SamTransform(context.extraEventSources()));
    }

    /**
     * Creates the stack, or updates it if it exists: changed resources are updated, removed ones
     * deleted, unchanged ones kept (an unchanged template changes nothing).
     *
     * @param templateFile       a template.yaml (or .json); relative paths in it start at its folder
     * @param parameterOverrides values for the template's Parameters; the others take their Default
     * @throws com.wildrydes.localcloud.cloudformation.template.TemplateException if the template, its parameters or
     *                                                                             its references are invalid (nothing was changed)
     * @throws DeployFailedException                                               if a resource failed (what the deploy did was undone)
     */
    public Stack deploy(String stackName, Path templateFile, Map<String, String> parameterOverrides) {
        deploying.lock();
        try {
            StackState existing = states.get(stackName);
            List<StackState> others = states.values().stream().filter(s -> !s.name().equals(stackName)).toList();
            StackState deployed;
            try {
                deployed = deployer.deploy(stackName, templateFile, Map.copyOf(parameterOverrides), existing, others);
            } catch (DeployFailedException e) {
                if (existing != null) {
                    publish(stackName, deployer.rolledBack(existing));
                }
                throw e;
            }
            publish(stackName, deployed);
            return deployed.snapshot();
        } finally {
            deploying.unlock();
        }
    }

    /**
     * Deletes every resource of the stack, last created first; custom resources get their Delete
     * request. A resource that fails to delete is logged and the teardown goes on. Deleting a stack
     * that does not exist does nothing, as in CloudFormation.
     */
    public void delete(String stackName) {
        deploying.lock();
        try {
            StackState state = states.get(stackName);
            if (state == null) {
                return;
            }
            deployer.delete(state);
            states.remove(stackName);
            snapshot = states.values().stream().map(StackState::snapshot).toList();
        } finally {
            deploying.unlock();
        }
    }

    /** Every stack, in the order they were first created. */
    public List<Stack> stacks() {
        return snapshot;
    }

    public Optional<Stack> stack(String name) {
        return snapshot.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Serves custom resources' PUTs to their ResponseURL ({@value #RESPONSE_PATH_PREFIX}...). */
    public HttpHandler responseHandler() {
        return responses.handler();
    }

    /** Each role's policy statements (AWS managed policies, SAM policy templates, inline statements), by role ARN. */
    public Map<String, List<PolicyStatement>> rolePolicies() {
        return rolePolicies.snapshot();
    }

    private void publish(String stackName, StackState state) {
        states.put(stackName, state);
        snapshot = states.values().stream().map(StackState::snapshot).toList();
    }
}
