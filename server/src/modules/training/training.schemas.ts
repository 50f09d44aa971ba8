import { SESSION_KINDS, TRAINING_TARGETS } from "@civicpims/core/training/index";
import { date, name, text } from "@civicpims/core/validation/index";
import { z } from "zod";

export const idParams = z.object({ id: z.uuid() });

const year = z.coerce.number().int().min(1990).max(2200);
export const yearQuery = z.object({ year: year.optional() });

export const planCreate = z.object({
  year,
  title: name(200),
  targetGroup: z.enum(TRAINING_TARGETS),
  plannedSessions: z.number().int().min(0).max(10_000),
});

const material = z.object({
  title: name(200),
  url: text({ min: 1, max: 2000 }).regex(/^https?:\/\/\S+$/, "http(s) link"),
});

export const sessionCreate = z.object({
  planId: z.uuid().nullish(),
  heldOn: date(),
  topic: name(300),
  kind: z.enum(SESSION_KINDS),
  trainer: text({ max: 200 }).nullish(),
  materials: z.array(material).max(20).default([]),
});

const vendor = z.object({ name: name(200), company: name(200) });

/** Staff of the agency by id, or a vendor's staff member by name and company (one of the two). */
export const attendanceCreate = z.object({
  staffIds: z.array(z.uuid()).max(2000).default([]),
  vendors: z.array(vendor).max(500).default([]),
});

export const acknowledgementCreate = z.object({
  role: z.enum(["new_staff", "vendor_staff"]),
  staffId: z.uuid().nullish(),
  vendor: vendor.nullish(),
  document: name(300),
  version: text({ min: 1, max: 40 }),
  acknowledgedOn: date(),
});

export const certificationCreate = z.object({
  staffId: z.uuid(),
  certificate: name(200),
  obtainedOn: date(),
});
