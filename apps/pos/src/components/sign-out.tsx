import { Button } from "@pos/ui";
import { logout } from "~/app/(register)/actions";

export function SignOut({ label }: { label: string }) {
  return (
    <form action={logout}>
      <Button type="submit" variant="secondary" size="sm">
        {label}
      </Button>
    </form>
  );
}
