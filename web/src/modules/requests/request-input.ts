import type { FormValues } from "../../components/form";

const opt = (v: string | undefined) => (v ? v : undefined);

/** The API's request input from the flat form values of RequestFields. */
export function requestInput(v: FormValues) {
  const other = v.requesterType !== "self";
  const actions = Object.keys(v)
    .filter((k) => k.startsWith("action_") && v[k] === "true")
    .map((k) => k.slice("action_".length));
  return {
    kind: v.kind,
    actions: actions.length ? actions : undefined,
    requesterType: v.requesterType,
    requester: {
      name: v.requesterName,
      email: opt(v.requesterEmail),
      phone: opt(v.requesterPhone),
      address: opt(v.requesterAddress),
      birthDate: opt(v.requesterBirthDate),
    },
    subject: other
      ? {
          name: v.subjectName,
          birthDate: opt(v.subjectBirthDate),
          phone: opt(v.subjectPhone),
          address: opt(v.subjectAddress),
        }
      : undefined,
    representation: other ? { basis: v.basis, relationship: opt(v.relationship) } : undefined,
    content: v.content,
    targetDescription: opt(v.targetDescription),
    delivery: v.deliveryMethod ? { method: v.deliveryMethod, address: opt(v.deliveryAddress) } : undefined,
  };
}
