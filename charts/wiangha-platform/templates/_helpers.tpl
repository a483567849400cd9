{{- define "wiangha.fullname" -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "wiangha.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "wiangha.labels" -}}
{{ include "wiangha.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "wiangha.image" -}}
{{ printf "%s:%s" .Values.image.repository .Values.image.tag | quote }}
{{- end -}}

{{/*
Settings that are not secret, as configuration keys ("__" between sections). One list for the web pods (through
the ConfigMap) and for the migration Job (inline: the hook runs before the ConfigMap exists on first install).
*/}}
{{- define "wiangha.settings" -}}
# TLS ends at the ingress: its X-Forwarded-Proto/For are believed from these proxies only, so OpenID Connect sees
# https and the rate limits see real client IPs.
{{- range $i, $network := .Values.platform.forwardedHeaders.knownNetworks }}
Platform__ForwardedHeaders__KnownNetworks__{{ $i }}: {{ $network | quote }}
{{- end }}
{{- range $i, $proxy := .Values.platform.forwardedHeaders.knownProxies }}
Platform__ForwardedHeaders__KnownProxies__{{ $i }}: {{ $proxy | quote }}
{{- end }}
# SIGTERM to exit: what the grace period leaves after the pre-stop pause, less 5 s of margin.
{{- $drain := sub (sub .Values.terminationGracePeriodSeconds .Values.preStopSleepSeconds) 5 }}
Platform__ShutdownTimeout: {{ printf "00:%02d:%02d" (div $drain 60) (mod $drain 60) | quote }}
# Data Protection keys (cookies, antiforgery, two-factor step) are stored in the database encrypted with this key.
DataProtection__CertificatePath: /certs/encryption.pfx
Database__Provider: {{ .Values.database.provider | quote }}
{{- with .Values.oidc.issuer }}
Identity__Oidc__Issuer: {{ . | quote }}
{{- end }}
Identity__Oidc__SigningCertificatePath: /certs/signing.pfx
Identity__Oidc__EncryptionCertificatePath: /certs/encryption.pfx
Platform__PublicBaseUrl: {{ .Values.platform.publicBaseUrl | quote }}
Email__SmtpHost: {{ .Values.email.smtpHost | quote }}
Email__SmtpPort: {{ .Values.email.smtpPort | quote }}
Email__UseStartTls: {{ .Values.email.useStartTls | quote }}
Email__FromAddress: {{ .Values.email.fromAddress | quote }}
{{- with .Values.telemetry.otlpEndpoint }}
OTEL_EXPORTER_OTLP_ENDPOINT: {{ . | quote }}
OTEL_SERVICE_NAME: {{ $.Values.telemetry.serviceName | quote }}
{{- end }}
{{- range $key, $value := .Values.config }}
{{ $key }}: {{ $value | toString | quote }}
{{- end }}
{{- end -}}

{{/* Environment read from Secrets (by reference: the chart never holds a secret) and the pod's own name. */}}
{{- define "wiangha.secretEnv" -}}
- name: ConnectionStrings__Platform
  valueFrom:
    secretKeyRef:
      name: {{ .Values.database.connectionStringSecret }}
      key: connection-string
- name: Identity__Oidc__SigningCertificatePassword
  valueFrom:
    secretKeyRef:
      name: {{ .Values.oidc.certificateSecret }}
      key: password
- name: Identity__Oidc__EncryptionCertificatePassword
  valueFrom:
    secretKeyRef:
      name: {{ .Values.oidc.certificateSecret }}
      key: password
- name: DataProtection__CertificatePassword
  valueFrom:
    secretKeyRef:
      name: {{ .Values.oidc.certificateSecret }}
      key: password
{{- with .Values.email.credentialsSecret }}
- name: Email__UserName
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: username
- name: Email__Password
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: password
{{- end }}
{{- with .Values.telemetry.otlpEndpoint }}
- name: K8S_POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: OTEL_RESOURCE_ATTRIBUTES
  value: "k8s.pod.name=$(K8S_POD_NAME),k8s.namespace.name={{ $.Release.Namespace }}"
{{- end }}
{{- with .Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Pod-level settings shared by the web pods and the migration Job. */}}
{{- define "wiangha.podSpecCommon" -}}
automountServiceAccountToken: false
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- range . }}
  - name: {{ . }}
  {{- end }}
{{- end }}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
volumes:
  - name: certificates
    secret:
      secretName: {{ .Values.oidc.certificateSecret }}
  # .NET needs a writable temporary folder; the root filesystem is read-only.
  - name: tmp
    emptyDir:
      sizeLimit: {{ .Values.tmpSizeLimit }}
{{- end -}}

{{- define "wiangha.volumeMounts" -}}
- name: certificates
  mountPath: /certs
  readOnly: true
- name: tmp
  mountPath: /tmp
{{- end -}}

{{/* A PodDisruptionBudget that keeps every pod can never let a node drain: refuse it. */}}
{{- define "wiangha.checkReplicas" -}}
{{- $min := ternary .Values.autoscaling.minReplicas .Values.replicaCount .Values.autoscaling.enabled | int -}}
{{- if and .Values.autoscaling.enabled (lt (int .Values.autoscaling.maxReplicas) $min) -}}
{{- fail "autoscaling.maxReplicas must be at least autoscaling.minReplicas" -}}
{{- end -}}
{{- if and .Values.podDisruptionBudget.enabled (le $min (int .Values.podDisruptionBudget.minAvailable)) -}}
{{- fail (printf "podDisruptionBudget.minAvailable (%d) must be below the smallest replica count (%d), or no node can ever be drained" (int .Values.podDisruptionBudget.minAvailable) $min) -}}
{{- end -}}
{{- end -}}
