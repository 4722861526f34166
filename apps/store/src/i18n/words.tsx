"use client";
// The storefront's interactive parts (size picker, cart, checkout) format their words with this instead of a
// message library: the server sends the raw messages of the namespaces a page needs, and ./format-message.ts
// formats the small subset of ICU they use, so no message runtime ships to the browser.
import { createContext, useContext, type ReactNode } from "react";
import type messages from "../../messages/es-AR.json";
import { formatMessage } from "./format-message";

type Messages = typeof messages;
type Tree = { [key: string]: string | Tree };

/** "a" | "b.c" for every string leaf of a namespace. */
type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}`;
}[keyof T & string];

const WordsContext = createContext<{ locale: string; messages: Tree }>({ locale: "es-AR", messages: {} });

export function WordsProvider({
  locale,
  messages: tree,
  children,
}: {
  locale: string;
  messages: Tree;
  children: ReactNode;
}) {
  return <WordsContext value={{ locale, messages: tree }}>{children}</WordsContext>;
}

export function useWords<N extends keyof Messages>(
  namespace: N,
): (key: Leaves<Messages[N]>, values?: Record<string, string | number>) => string {
  const { locale, messages: tree } = useContext(WordsContext);
  return (key, values = {}) => {
    const message = [namespace, ...key.split(".")].reduce<string | Tree | undefined>(
      (node, part) => (typeof node === "object" ? node[part] : undefined),
      tree,
    );
    return typeof message === "string" ? formatMessage(message, values, locale) : `${namespace}.${key}`;
  };
}
