import {
  DataTerraformRemoteStateLocal,
  DataTerraformRemoteStateS3,
  LocalBackend,
  S3Backend,
  type TerraformStack,
} from "cdktf";
import type { Environment } from "../environments/schema";
import type { Component } from "./contract";

// Terraform runs each stack in cdktf.out/stacks/<stack>, three levels below the project.
const PROJECT_FROM_STACK_DIR = "../../..";

/** Where a stack's state lives, relative to the project (local) or as an S3 key. */
export function stateLocation(env: Environment, component: Component): string {
  return env.backend.type === "local"
    ? `state/${env.name}/${component}.tfstate`
    : `${env.backend.keyPrefix}/${env.name}/${component}.tfstate`;
}

/** Declares the stack's backend: explicit, so no absolute path is ever synthesized. */
export function declareBackend(stack: TerraformStack, env: Environment, component: Component): void {
  const location = stateLocation(env, component);
  if (env.backend.type === "local") {
    new LocalBackend(stack, { path: `${PROJECT_FROM_STACK_DIR}/${location}` });
    return;
  }
  const { bucket, region, encrypt, useLockfile, roleArn } = env.backend;
  new S3Backend(stack, { bucket, key: location, region, encrypt, assumeRole: roleArn ? { roleArn } : undefined });
  // cdktf 0.21's S3Backend has no typed field for S3-native locking (Terraform 1.10+).
  stack.addOverride("terraform.backend.s3.use_lockfile", useLockfile);
}

/** Reads the state of an upstream stack of the same environment, with the settings its backend uses. */
export function readRemoteState(
  stack: TerraformStack,
  env: Environment,
  upstream: Component,
): DataTerraformRemoteStateLocal | DataTerraformRemoteStateS3 {
  const id = upstream.replace(/-/g, "_");
  const location = stateLocation(env, upstream);
  if (env.backend.type === "local") {
    return new DataTerraformRemoteStateLocal(stack, id, { path: `${PROJECT_FROM_STACK_DIR}/${location}` });
  }
  const { bucket, region, encrypt, useLockfile, roleArn } = env.backend;
  const state = new DataTerraformRemoteStateS3(stack, id, {
    bucket,
    key: location,
    region,
    encrypt,
    assumeRole: roleArn ? { roleArn } : undefined,
  });
  // The upstream's backend settings in full, so the read cannot drift from them (a read takes no lock).
  state.addOverride("config.use_lockfile", useLockfile);
  return state;
}
