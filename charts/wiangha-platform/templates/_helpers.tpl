{{- define "wiangha.fullname" -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "wiangha.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}

{{/* Settings shared by the web pods and the migration Job. */}}
{{- define "wiangha.env" -}}
# TLS ends at the ingress: trust its X-Forwarded-Proto/For so OpenID Connect sees https and real client IPs.
- name: ASPNETCORE_FORWARDEDHEADERS_ENABLED
  value: "true"
- name: Database__Provider
  value: {{ .Values.database.provider | quote }}
- name: ConnectionStrings__Platform
  valueFrom:
    secretKeyRef:
      name: {{ .Values.database.connectionStringSecret }}
      key: connection-string
- name: Identity__Oidc__Issuer
  value: {{ .Values.oidc.issuer | quote }}
- name: Identity__Oidc__SigningCertificatePath
  value: /certs/signing.pfx
- name: Identity__Oidc__EncryptionCertificatePath
  value: /certs/encryption.pfx
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
- name: Platform__PublicBaseUrl
  value: {{ .Values.platform.publicBaseUrl | quote }}
- name: Email__SmtpHost
  value: {{ .Values.email.smtpHost | quote }}
- name: Email__SmtpPort
  value: {{ .Values.email.smtpPort | quote }}
- name: Email__UseStartTls
  value: {{ .Values.email.useStartTls | quote }}
- name: Email__FromAddress
  value: {{ .Values.email.fromAddress | quote }}
{{- end -}}
