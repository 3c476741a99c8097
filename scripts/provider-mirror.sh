#!/usr/bin/env bash
# Prints the Terraform filesystem mirror that holds hashicorp/aws 5.100.0: $TF_PROVIDER_MIRROR if set,
# else the first mirror found on this machine; prints nothing when there is none.
set -euo pipefail
if [ -n "${TF_PROVIDER_MIRROR:-}" ]; then
  echo "$TF_PROVIDER_MIRROR"
  exit 0
fi
provider=registry.terraform.io/hashicorp/aws/5.100.0
for dir in "$HOME/.terraform.d/plugins" /usr/local/share/terraform/plugins /usr/share/terraform/plugins; do
  if [ -d "$dir/$provider" ]; then
    echo "$dir"
    exit 0
  fi
done
# Test runs' fake mirrors (under .test-tmp/) are never a real one.
binary=$(find / -xdev -path "*/$provider/*" -not -path "*/.test-tmp/*" -name 'terraform-provider-aws_*' 2>/dev/null | head -n 1 || true)
[ -n "$binary" ] && echo "${binary%%/registry.terraform.io/*}"
exit 0
