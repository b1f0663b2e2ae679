package com.wildrydes.localcloud.cloudformation.engine;

import com.wildrydes.localcloud.cloudformation.custom.CustomResourceProvisioner;
import com.wildrydes.localcloud.cloudformation.resources.ResourceProvisioner;
import com.wildrydes.localcloud.cloudformation.sam.SamTransform;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** The provisioner for each supported resource type; {@code Custom::*} types share the custom resource one. */
public final class ProvisionerRegistry {

    private final Map<String, ResourceProvisioner> byType = new LinkedHashMap<>();
    private final ResourceProvisioner custom;

    public ProvisionerRegistry(Collection<ResourceProvisioner> provisioners, CustomResourceProvisioner custom) {
        this.custom = custom;
        register(custom);
        for (ResourceProvisioner provisioner : provisioners) {
            register(provisioner);
        }
    }

    private void register(ResourceProvisioner provisioner) {
        if (byType.putIfAbsent(provisioner.type(), provisioner) != null) {
            throw new IllegalArgumentException("two provisioners claim the resource type " + provisioner.type());
        }
    }

    public Optional<ResourceProvisioner> find(String type) {
        ResourceProvisioner provisioner = byType.get(type);
        if (provisioner == null && CustomResourceProvisioner.handles(type)) {
            provisioner = custom;
        }
        return Optional.ofNullable(provisioner);
    }

    /** Every type a template may use, for messages. */
    public String supportedTypes() {
        TreeSet<String> types = new TreeSet<>(byType.keySet());
        types.addAll(SamTransform.TYPES);
        types.add(CustomResourceProvisioner.CUSTOM_PREFIX + "<Name>");
        return String.join(", ", types);
    }
}
